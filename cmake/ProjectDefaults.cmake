# Compiler settings shared by every target of ours: strict warnings, optional sanitizers.

if(PLATFORM_OPERATOR_SANITIZE)
  add_compile_options(-fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined)
  add_link_options(-fsanitize=address,undefined)
endif()

# Applies the project's warning policy to one of our targets (never to third-party code).
function(platform_operator_defaults target)
  target_compile_options(${target} PRIVATE -Wall -Wextra -Werror)
  target_compile_definitions(${target} PRIVATE PLATFORM_OPERATOR_VERSION="${PROJECT_VERSION}")
endfunction()
