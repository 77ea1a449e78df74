/* ferry-rate-limiter.c: never send a request the server's budget says it will refuse
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Mastodon allows 300 requests per 5 minutes per token, and 300 paged requests (with
 * max_id, min_id, since_id or page) per 15 minutes per account, in windows aligned to the
 * epoch; every answer carries X-RateLimit-Limit/Remaining/Reset for the tightest one, and a
 * 429 carries no Retry-After (api-facts §6). The limiter keeps a budget from those headers,
 * counts what it lets out before the answers come, and says how long to wait. Times are the
 * server's (from its Date header), so a skewed local clock does not matter.
 *
 * What it holds to, whatever the answers say (one skewed Date once hung a backup for good):
 * - a probe's answer, any answer, ends the probe; a probe that never comes back (a dropped
 *   connection) is given up after PROBE_LOST seconds;
 * - one answer's Date moves the clock by at most CLOCK_STEP; a larger jump is believed once
 *   answers in a row say the same (the server's clock moved, or a test moved it): two ahead, or
 *   one whose rate-limit reset agrees with it; five back (answers written before a wait on a
 *   virtual clock arrive after it, up to four);
 * - it never waits without something that ends the wait: a probe out, or a reset at most a
 *   paging period away (check_wait());
 * - a new window's budget is the server's count less what is still on its way (sent before the
 *   window turned, it may land in the new one).
 */

#define G_LOG_DOMAIN "ferry-rate-limiter"

#include "config.h"

#include "ferry-rate-limiter.h"

#define PAGING_LIMIT  300
#define PAGING_PERIOD (15 * 60)
#define CLOCK_STEP    5        /* seconds one answer's Date may move the clock */
#define CLOCK_AHEAD   2        /* answers in a row that believe the server's clock jumped ahead */
#define CLOCK_BEHIND  5        /* and back: more than FerryClient has in flight, whose answers
                                * may carry a Date from before a wait on a virtual clock */
#define PROBE_LOST    30       /* seconds after which a probe without an answer is given up */
#define IN_FLIGHT     4        /* FerryClient's most requests in flight: more outstanding means
                                * some failed without an answer */

struct _FerryRateLimiter
{
  GObject  parent_instance;

  gint64   clock_offset;     /* server time - local real time, seconds */
  gboolean clock_known;      /* a Date seen */
  gint64   clock_jump;       /* an offset answers claimed, not yet believed */
  guint    clock_jumped;     /* how many answers in a row claimed it */
  FerryRateLimiterClock clock;
  gpointer clock_data;
  gboolean known;            /* headers seen */
  guint    limit;
  gint     remaining;        /* what the server said, less what went out since */
  gint64   reset;            /* server time when the window ends */
  gint64   paging_window;    /* server time / PAGING_PERIOD */
  guint    paging_used;
  guint    paging_limit;     /* 0: the server has no paging throttle */
  gint64   paging_period;
  guint    unknown_sent;     /* requests that went out before the first answer */
  gboolean probing;          /* a new window: one request is out to learn its budget */
  gint64   probe_sent;       /* server time the probe went out */
  guint    outstanding;      /* requests let out and not answered yet (at most IN_FLIGHT) */
};

G_DEFINE_FINAL_TYPE (FerryRateLimiter, ferry_rate_limiter, G_TYPE_OBJECT)

static void
ferry_rate_limiter_class_init (FerryRateLimiterClass *klass)
{
}

static void
ferry_rate_limiter_init (FerryRateLimiter *self)
{
  self->paging_limit = PAGING_LIMIT;
  self->paging_period = PAGING_PERIOD;
}

/**
 * ferry_rate_limiter_set_paging_budget:
 * @limit: paged requests allowed per @period; 0 when the server has no such throttle
 * @period: seconds
 *
 * Mastodon's paging throttle (300 per 15 minutes) is the default: its answers do not show
 * it until it is nearly spent. GoToSocial and Akkoma have none.
 */
void
ferry_rate_limiter_set_paging_budget (FerryRateLimiter *self,
                                      guint             limit,
                                      gint64            period)
{
  g_return_if_fail (FERRY_IS_RATE_LIMITER (self));
  g_return_if_fail (limit == 0 || period > 0);

  self->paging_limit = limit;
  self->paging_period = period;
  self->paging_window = 0;
  self->paging_used = 0;
}

FerryRateLimiter *
ferry_rate_limiter_new (void)
{
  return g_object_new (FERRY_TYPE_RATE_LIMITER, NULL);
}

static gint64
local_now (FerryRateLimiter *self)
{
  return self->clock ? self->clock (self->clock_data) : g_get_real_time () / G_USEC_PER_SEC;
}

/**
 * ferry_rate_limiter_set_clock:
 * @clock: (nullable): the local clock in seconds; %NULL for g_get_real_time()
 *
 * For tests that drive the limiter on a fake clock.
 */
void
ferry_rate_limiter_set_clock (FerryRateLimiter      *self,
                              FerryRateLimiterClock  clock,
                              gpointer               user_data)
{
  g_return_if_fail (FERRY_IS_RATE_LIMITER (self));

  self->clock = clock;
  self->clock_data = user_data;
}

gint64
ferry_rate_limiter_get_server_now (FerryRateLimiter *self)
{
  return local_now (self) + self->clock_offset;
}

/* The server's clock has reached @server_time at least (a wait on a virtual clock, in less
 * real time). Waits side by side for the same moment move it once. */
void
ferry_rate_limiter_advance_to (FerryRateLimiter *self,
                               gint64            server_time)
{
  g_return_if_fail (FERRY_IS_RATE_LIMITER (self));

  if (server_time > ferry_rate_limiter_get_server_now (self))
    self->clock_offset = server_time - local_now (self);
}

/* The invariant: a wait always has an end that comes by itself. Either a probe is out (its
 * answer, or PROBE_LOST, ends the wait), or the window's reset is at most a paging period
 * ahead, after which a request goes. */
static gboolean
check_wait (FerryRateLimiter *self,
            gint64            now,
            gint64            wait)
{
  if (wait <= 0)
    return TRUE;
  if (self->probing)
    return wait <= 1 && now - self->probe_sent <= PROBE_LOST;
  return wait <= MAX (self->paging_period, PAGING_PERIOD) + 1;
}

static gint64
reserve (FerryRateLimiter *self,
         gint64            now,
         gboolean          paged)
{
  /* A probe that never came back (its connection dropped: no answer to learn from). */
  if (self->probing && now - self->probe_sent > PROBE_LOST)
    {
      g_debug ("The probe of the new window went unanswered; probing again");
      self->probing = FALSE;
    }

  /* The server's Date has one-second resolution: the window has surely turned a second after
   * its reset. Then one request goes alone, and its answer tells the new budget. */
  if (self->known && now > self->reset && !self->probing)
    {
      self->remaining = 1;
      self->probing = TRUE;
      self->probe_sent = now;
    }
  if (self->known && self->remaining <= 0)
    return self->probing ? 1 : CLAMP (self->reset - now + 1, 1, PAGING_PERIOD + 1);

  if (paged && self->paging_limit > 0)
    {
      gint64 window = now / self->paging_period;

      if (window != self->paging_window)
        {
          self->paging_window = window;
          self->paging_used = 0;
        }
      if (self->paging_used >= self->paging_limit)
        return MAX ((window + 1) * self->paging_period - now, 1);
      self->paging_used++;
    }

  if (self->known)
    self->remaining--;
  else
    self->unknown_sent++;
  self->outstanding = MIN (self->outstanding + 1, IN_FLIGHT);
  return 0;
}

/**
 * ferry_rate_limiter_reserve:
 * @paged: whether the request is a page after the first (counts against the paging budget)
 *
 * Takes one request from the budget.
 *
 * Returns: 0 when the request may go now; otherwise the seconds to wait before asking again
 */
gint64
ferry_rate_limiter_reserve (FerryRateLimiter *self,
                            gboolean          paged)
{
  gint64 now, wait;

  g_return_val_if_fail (FERRY_IS_RATE_LIMITER (self), 0);

  now = ferry_rate_limiter_get_server_now (self);
  wait = reserve (self, now, paged);
  g_warn_if_fail (check_wait (self, now, wait));
  return wait;
}

static gboolean
parse_time (const char *text,
            gint64     *unix_seconds)
{
  g_autoptr(GDateTime) time = NULL;

  if (text == NULL)
    return FALSE;
  time = g_date_time_new_from_iso8601 (text, NULL);
  if (time == NULL)
    {
      /* Some servers send a Unix time. */
      guint64 value;

      if (!g_ascii_string_to_unsigned (text, 10, 0, G_MAXINT64, &value, NULL))
        return FALSE;
      *unix_seconds = (gint64) value;
      return TRUE;
    }
  *unix_seconds = g_date_time_to_unix (time);
  return TRUE;
}

/* One answer's Date: small moves are the server's clock ticking and the way there; a jump is
 * taken once answers in a row say the same (CLOCK_AHEAD, CLOCK_BEHIND), so that one skewed
 * Date, or the few answers written before a wait on a virtual clock, cannot throw the windows. */
static void
learn_clock (FerryRateLimiter *self,
             gint64            offset,
             gboolean          vouched)
{
  if (!self->clock_known || ABS (offset - self->clock_offset) <= CLOCK_STEP)
    {
      self->clock_offset = offset;
      self->clock_known = TRUE;
      self->clock_jumped = 0;
      return;
    }
  if (self->clock_jumped == 0 || ABS (offset - self->clock_jump) > CLOCK_STEP)
    {
      self->clock_jump = offset;
      self->clock_jumped = 0;
    }
  self->clock_jumped += offset > self->clock_offset && vouched ? CLOCK_AHEAD : 1;
  if (self->clock_jumped >= (offset > self->clock_offset ? CLOCK_AHEAD : CLOCK_BEHIND))
    {
      /* The window read on the old clock may mean nothing on the new one: it ends now, and
       * a probe learns the next (what went out meanwhile stays counted). */
      g_debug ("The server's clock moved by %" G_GINT64_FORMAT " s", offset - self->clock_offset);
      self->clock_offset = offset;
      self->clock_jumped = 0;
      if (self->known)
        self->reset = MIN (self->reset, local_now (self) + offset - 1);
    }
}

/**
 * ferry_rate_limiter_update:
 *
 * Learns from an answer: the server's clock, and its budget.
 */
void
ferry_rate_limiter_update (FerryRateLimiter   *self,
                           guint               status,
                           SoupMessageHeaders *headers)
{
  const char *date = soup_message_headers_get_one (headers, "Date");
  const char *limit = soup_message_headers_get_one (headers, "X-RateLimit-Limit");
  const char *remaining = soup_message_headers_get_one (headers, "X-RateLimit-Remaining");
  const char *reset = soup_message_headers_get_one (headers, "X-RateLimit-Reset");
  g_autoptr(GDateTime) server_time = date ? soup_date_time_new_from_http_string (date) : NULL;
  gint64 reset_time;
  guint64 limit_value, remaining_value;
  gboolean was_probing;

  g_return_if_fail (FERRY_IS_RATE_LIMITER (self));

  if (server_time != NULL)
    {
      gint64 date_time = g_date_time_to_unix (server_time);
      gint64 reset_ahead;

      /* An answer whose own reset lies a little after its Date (within the daily follow
       * family's day) vouches for a jump ahead; one skewed Date does not. */
      learn_clock (self, date_time - local_now (self),
                   parse_time (reset, &reset_ahead) && reset_ahead - date_time >= 0 &&
                   reset_ahead - date_time <= 86400 + 1);
    }

  if (self->outstanding > 0)
    self->outstanding--;

  /* Whatever this answer is, the probe is over: if it came from the old window, the next
   * request probes again, one at a time. */
  was_probing = self->probing;
  self->probing = FALSE;

  if (limit == NULL || remaining == NULL || !parse_time (reset, &reset_time) ||
      !g_ascii_string_to_unsigned (limit, 10, 1, G_MAXUINT, &limit_value, NULL) ||
      !g_ascii_string_to_unsigned (remaining, 10, 0, G_MAXUINT, &remaining_value, NULL))
    {
      if (status == 429)
        {
          /* A 429 without headers: wait for the next 5-minute window. */
          gint64 now = ferry_rate_limiter_get_server_now (self);

          if (!self->known)
            self->limit = 300;
          self->known = TRUE;
          self->remaining = 0;
          self->reset = (now / 300 + 1) * 300;
        }
      return;
    }

  /* The daily follow family shows in follow answers; it is not the request budget. Such an
   * answer tells nothing of the new window: if it was the probe, the next request probes. */
  if (reset_time - ferry_rate_limiter_get_server_now (self) > PAGING_PERIOD)
    return;

  if (!self->known)
    {
      /* The first answer: the others that went out with it are not in its count yet. */
      self->known = TRUE;
      self->limit = limit_value;
      self->remaining = (gint) MIN (remaining_value, (guint64) G_MAXINT / 2) -
                        (gint) MAX (self->unknown_sent, 1) + 1;
      self->reset = reset_time;
    }
  else if (reset_time < self->reset)
    {
      /* An answer from a window that is already over (it was in flight when the window
       * turned): nothing to learn, and taking its count would stall the new window. */
      return;
    }
  else if (reset_time > self->reset || was_probing)
    {
      /* A newer window, or the probe's answer (the window had not turned after all: the
       * clock was off): the server's word stands, less what is still on its way to it (sent
       * before the window turned, it may count in this one). */
      self->limit = limit_value;
      self->remaining = (gint) MIN (remaining_value, (guint64) G_MAXINT / 2) -
                        (gint) self->outstanding;
      self->reset = reset_time;
    }
  else
    {
      /* Same window: answers come back out of order; the lower count is the safe one. */
      self->remaining = MIN (self->remaining, (gint) MIN (remaining_value, (guint64) G_MAXINT));
    }

  if (status == 429)
    self->remaining = 0;
}
