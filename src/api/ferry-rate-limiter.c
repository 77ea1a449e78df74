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
 */

#define G_LOG_DOMAIN "ferry-rate-limiter"

#include "config.h"

#include "ferry-rate-limiter.h"

#define PAGING_LIMIT  300
#define PAGING_PERIOD (15 * 60)

struct _FerryRateLimiter
{
  GObject  parent_instance;

  gint64   clock_offset;     /* server time - local real time, seconds */
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

gint64
ferry_rate_limiter_get_server_now (FerryRateLimiter *self)
{
  return g_get_real_time () / G_USEC_PER_SEC + self->clock_offset;
}

/* The server's clock has reached @server_time at least (a wait on a virtual clock, in less
 * real time). Waits side by side for the same moment move it once. */
void
ferry_rate_limiter_advance_to (FerryRateLimiter *self,
                               gint64            server_time)
{
  g_return_if_fail (FERRY_IS_RATE_LIMITER (self));

  if (server_time > ferry_rate_limiter_get_server_now (self))
    self->clock_offset = server_time - g_get_real_time () / G_USEC_PER_SEC;
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
  gint64 now = ferry_rate_limiter_get_server_now (self);

  g_return_val_if_fail (FERRY_IS_RATE_LIMITER (self), 0);

  /* The server's Date has one-second resolution: the window has surely turned a second after
   * its reset. Then one request goes alone, and its answer tells the new budget. */
  if (self->known && now > self->reset && !self->probing)
    {
      self->remaining = 1;
      self->probing = TRUE;
    }
  if (self->known && self->remaining <= 0)
    return self->probing ? 1 : MAX (self->reset - now + 1, 1);

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
  return 0;
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

  g_return_if_fail (FERRY_IS_RATE_LIMITER (self));

  if (server_time != NULL)
    self->clock_offset = g_date_time_to_unix (server_time) - g_get_real_time () / G_USEC_PER_SEC;

  if (limit == NULL || remaining == NULL || !parse_time (reset, &reset_time) ||
      !g_ascii_string_to_unsigned (limit, 10, 1, G_MAXUINT, &limit_value, NULL) ||
      !g_ascii_string_to_unsigned (remaining, 10, 0, G_MAXUINT, &remaining_value, NULL))
    {
      if (status == 429 && !self->known)
        {
          /* A 429 without headers: wait for the next 5-minute window. */
          gint64 now = ferry_rate_limiter_get_server_now (self);

          self->known = TRUE;
          self->limit = 300;
          self->remaining = 0;
          self->reset = (now / 300 + 1) * 300;
        }
      return;
    }

  /* The daily follow family shows in follow answers; it is not the request budget. Such an
   * answer tells nothing of the new window: if it was the probe, the next request probes. */
  if (reset_time - ferry_rate_limiter_get_server_now (self) > PAGING_PERIOD)
    {
      self->probing = FALSE;
      return;
    }

  if (!self->known)
    {
      /* The first answer: the others that went out with it are not in its count yet. */
      self->known = TRUE;
      self->limit = limit_value;
      self->remaining = (gint) remaining_value - (gint) MAX (self->unknown_sent, 1) + 1;
      self->reset = reset_time;
    }
  else if (reset_time < self->reset)
    {
      /* An answer from a window that is already over (it was in flight when the window
       * turned): nothing to learn, and taking its count would stall the new window. */
      return;
    }
  else if (reset_time > self->reset)
    {
      /* A newer window: the server's word stands. */
      self->limit = limit_value;
      self->remaining = remaining_value;
      self->reset = reset_time;
      self->probing = FALSE;
    }
  else
    {
      /* Same window: answers come back out of order; the lower count is the safe one. */
      self->remaining = MIN (self->remaining, (gint) remaining_value);
    }

  if (status == 429)
    self->remaining = 0;
}
