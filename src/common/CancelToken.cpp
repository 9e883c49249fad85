#include "common/CancelToken.h"

namespace tengerim {

bool CancelToken::cancelled() const {
  if (cancelled_.load(std::memory_order_relaxed)) return true;
  return probe_ && probe_();
}

void CancelToken::check() const {
  if (deadline_ && Clock::now() > *deadline_) throw Cancelled(Cancelled::Reason::TimeLimit, "time limit reached");
  if (cancelled()) throw Cancelled(Cancelled::Reason::Requested, "cancelled");
}

}  // namespace tengerim
