# Builds the platform-operator image: a Debian bookworm build stage with the project's packaged
# dependencies, then a slim runtime stage with only the shared libraries it links, running as non-root.
FROM debian:bookworm AS build
RUN apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      build-essential cmake ninja-build pkg-config ca-certificates \
      libcpprest-dev nlohmann-json3-dev libyaml-cpp-dev libssl-dev prometheus-cpp-dev libspdlog-dev \
      libpugixml-dev libpq-dev libhiredis-dev libgtest-dev libgmock-dev \
    && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY CMakeLists.txt CMakePresets.json ./
COPY cmake cmake
COPY operator operator
COPY controllers controllers
COPY tests tests
RUN cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DPLATFORM_OPERATOR_BUILD_TESTS=OFF \
    && cmake --build build --target platform-operator \
    && strip build/operator/platform-operator

FROM debian:bookworm-slim
RUN apt-get update -q && DEBIAN_FRONTEND=noninteractive apt-get install -y -q --no-install-recommends \
      ca-certificates libcpprest2.10 libyaml-cpp0.7 libssl3 libprometheus-cpp-pull1.0 \
      libprometheus-cpp-core1.0 libspdlog1.10 libfmt9 libpugixml1v5 libpq5 libhiredis0.14 \
    && rm -rf /var/lib/apt/lists/*
COPY --from=build /src/build/operator/platform-operator /usr/local/bin/platform-operator
USER 65532:65532
EXPOSE 8080 8081
ENTRYPOINT ["/usr/local/bin/platform-operator"]
