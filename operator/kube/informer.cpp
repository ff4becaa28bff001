// The informer: reflector thread, store updates, ordered dispatch and resync.
#include "operator/kube/informer.h"

namespace po::kube {

Informer::Informer(std::unique_ptr<ListerWatcher> source, Clock& clock, RandomSource& random,
                   InformerOptions options)
    : source_(std::move(source)),
      clock_(clock),
      random_(random),
      options_(options),
      watcher_(*source_, *this, clock, clock, random, options.watcher) {
  ScheduleResync();
}

Informer::~Informer() {
  Stop();
}

void Informer::AddEventHandlers(EventHandlers handlers) {
  std::lock_guard lock(mu_);
  handlers_.push_back(std::move(handlers));
}

Status Informer::AddIndex(const std::string& name, Store::IndexFunc func) {
  return store_.AddIndex(name, std::move(func));
}

void Informer::SetRelistObserver(std::function<void()> observer) {
  watcher_.SetRelistObserver(std::move(observer));
}

void Informer::Start() {
  dispatcher_ = std::jthread([this](std::stop_token stop) { Dispatch(stop); });
  reflector_ = std::jthread([this](std::stop_token stop) { watcher_.Run(stop); });
}

void Informer::Stop() {
  if (reflector_.joinable()) {
    reflector_.request_stop();
    reflector_.join();
  }
  if (dispatcher_.joinable()) {
    dispatcher_.request_stop();
    cv_.notify_all();
    dispatcher_.join();
  }
}

bool Informer::WaitForSync(std::chrono::milliseconds timeout) const {
  std::unique_lock lock(mu_);
  return cv_.wait_for(lock, timeout, [this] { return synced_.load(); });
}

size_t Informer::PendingNotifications() const {
  std::lock_guard lock(mu_);
  return queue_.size();
}

void Informer::ScheduleResync() {
  if (options_.resync_period.count() <= 0) return;
  auto period = std::chrono::duration_cast<Clock::Duration>(
      options_.resync_period * (1.0 + random_.Uniform() * options_.resync_jitter));
  next_resync_ = clock_.Now() + period;
}

void Informer::Enqueue(std::vector<Notification> batch) {
  {
    std::lock_guard lock(mu_);
    for (auto& n : batch) queue_.push_back(std::move(n));
  }
  cv_.notify_all();
}

void Informer::OnReplace(std::vector<Json> items, const std::string&) {
  std::vector<ObjectPtr> objects;
  objects.reserve(items.size());
  for (auto& item : items) objects.push_back(std::make_shared<const Json>(std::move(item)));
  Store::ObjectMap previous = store_.Replace(objects);
  std::vector<Notification> batch;
  batch.reserve(objects.size() + 1);
  for (const auto& object : objects) {
    auto it = previous.find(ObjectKeyOf(*object));
    if (it == previous.end()) {
      batch.push_back({Notification::kAdd, nullptr, object});
    } else {
      batch.push_back({Notification::kUpdate, it->second, object});
      previous.erase(it);
    }
  }
  // Whatever the new list lacks was deleted while we were not watching.
  for (auto& [key, object] : previous) batch.push_back({Notification::kDelete, object, nullptr});
  bool first = false;
  {
    std::lock_guard lock(mu_);
    first = !listed_once_;
    listed_once_ = true;
  }
  if (first) batch.push_back({Notification::kSynced, nullptr, nullptr});
  Enqueue(std::move(batch));
}

void Informer::OnEvent(const WatchEvent& event) {
  auto object = std::make_shared<const Json>(event.object);
  if (event.type == WatchEventType::kDeleted) {
    ObjectPtr previous = store_.Remove(ObjectKeyOf(*object));
    Enqueue({{Notification::kDelete, previous ? previous : object, nullptr}});
    return;
  }
  ObjectPtr previous = store_.Upsert(object);
  if (previous) {
    Enqueue({{Notification::kUpdate, previous, object}});
  } else {
    Enqueue({{Notification::kAdd, nullptr, object}});
  }
}

bool Informer::ResyncIfDue() {
  if (options_.resync_period.count() <= 0) return false;
  {
    std::lock_guard lock(mu_);
    if (!listed_once_ || clock_.Now() < next_resync_) return false;
    ScheduleResync();
  }
  std::vector<Notification> batch;
  for (const auto& object : store_.List()) batch.push_back({Notification::kUpdate, object, object});
  Enqueue(std::move(batch));
  return true;
}

void Informer::Dispatch(std::stop_token stop) {
  for (;;) {
    ResyncIfDue();
    Notification next;
    {
      std::unique_lock lock(mu_);
      cv_.wait_for(lock, std::chrono::milliseconds(200),
                   [&] { return stop.stop_requested() || !queue_.empty(); });
      if (stop.stop_requested()) return;
      if (queue_.empty()) continue;
      next = std::move(queue_.front());
      queue_.pop_front();
    }
    if (next.kind == Notification::kSynced) {
      {
        std::lock_guard lock(mu_);
        synced_ = true;
      }
      cv_.notify_all();
      continue;
    }
    for (const auto& h : handlers_) {  // fixed once Start() has run
      switch (next.kind) {
        case Notification::kAdd:
          if (h.on_add) h.on_add(next.new_object);
          break;
        case Notification::kUpdate:
          if (h.on_update) h.on_update(next.old_object, next.new_object);
          break;
        case Notification::kDelete:
          if (h.on_delete) h.on_delete(next.old_object);
          break;
        case Notification::kSynced:
          break;
      }
    }
  }
}

}  // namespace po::kube
