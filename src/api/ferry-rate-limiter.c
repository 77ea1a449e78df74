/* ferry-rate-limiter.c: never send a request the server's budget says it will refuse
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Mastodon's throttles (mastodon config/initializers/rack_attack.rb), each a fixed window
 * aligned to the epoch (Rack::Attack's key is now / period), each counting only some requests:
 * - throttle_per_token_api, 300 per 5 minutes per token: every /api request;
 * - throttle_authenticated_api, 1,500 per 5 minutes per account: the same requests, so with one
 *   token the per-token one is always the tighter;
 * - throttle_authenticated_paging, 300 per 15 minutes per account: requests with page, min_id,
 *   max_id or since_id (paging_request?), whatever their path;
 * - throttle_api_media, 30 per 30 minutes per account: POST /api/v\d+/media;
 * - throttle_unauthenticated_api and _paging, the same per IP without a token.
 * Rack::Attack (lib/rack/attack/configuration.rb, throttled?) goes through them in that order
 * and stops at the first that refuses. Every answer carries X-RateLimit-Limit/Remaining/Reset
 * for the one closest to exhaustion among those that counted it (mastodon
 * app/controllers/concerns/api/rate_limit_headers.rb, api_throttle_data: min_by limit - count);
 * a 429 carries those of the throttle that refused, and no Retry-After (api-facts §6).
 *
 * So the limiter keeps each throttle's budget on its own and applies to a request only the
 * throttles that count it (FerryRateLimits): a page that must wait for the paging window does
 * not hold up a relationships call, and an answer showing the paging budget does not stand for
 * the token's. The token's budget is learnt from the headers, and counted down by what goes
 * out before the answers come; the paging and media budgets are counted here in their aligned
 * windows (the answers show them only once they are the tightest), and an answer that shows
 * one of them (its reset lies beyond the token's window) corrects the count. Times are the
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
 *   media period away (check_wait());
 * - a new window's budget is the server's count less what is still on its way (sent before the
 *   window turned, it may land in the new one).
 */

#define G_LOG_DOMAIN "ferry-rate-limiter"

#include "config.h"

#include <string.h>

#include "ferry-rate-limiter.h"

#define API_PERIOD    (5 * 60)    /* the token's window on Mastodon */
#define PAGING_LIMIT  300
#define PAGING_PERIOD (15 * 60)
#define MEDIA_LIMIT   30
#define MEDIA_PERIOD  (30 * 60)
#define CLOCK_STEP    5        /* seconds one answer's Date may move the clock */
#define CLOCK_AHEAD   2        /* answers in a row that believe the server's clock jumped ahead */
#define CLOCK_BEHIND  5        /* and back: more than FerryClient has in flight, whose answers
                                * may carry a Date from before a wait on a virtual clock */
#define PROBE_LOST    30       /* seconds after which a probe without an answer is given up */
#define IN_FLIGHT     4        /* FerryClient's most requests in flight: more outstanding means
                                * some failed without an answer */

/* A throttle counted here, in windows aligned to the epoch: paging, media. */
typedef struct
{
  guint   limit;     /* 0: the server has no such throttle */
  gint64  period;
  gint64  window;    /* server time / period */
  guint   used;      /* what went out in the window, or what the server said, if more */
} Counted;

struct _FerryRateLimiter
{
  GObject  parent_instance;

  gint64   clock_offset;     /* server time - local real time, seconds */
  gboolean clock_known;      /* a Date seen */
  gint64   clock_jump;       /* an offset answers claimed, not yet believed */
  guint    clock_jumped;     /* how many answers in a row claimed it */
  FerryRateLimiterClock clock;
  gpointer clock_data;
  /* The token's budget (FERRY_RATE_LIMIT_API), from the headers. */
  gboolean known;            /* headers seen */
  guint    limit;
  gint     remaining;        /* what the server said, less what went out since */
  gint64   reset;            /* server time when the window ends */
  Counted  paging;           /* FERRY_RATE_LIMIT_PAGING */
  Counted  media;            /* FERRY_RATE_LIMIT_MEDIA */
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
  self->paging.limit = PAGING_LIMIT;
  self->paging.period = PAGING_PERIOD;
  self->media.limit = MEDIA_LIMIT;
  self->media.period = MEDIA_PERIOD;
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

  self->paging.limit = limit;
  self->paging.period = limit > 0 ? period : PAGING_PERIOD;
  self->paging.window = 0;
  self->paging.used = 0;
  /* A server without Mastodon's paging throttle has none of its others either. */
  self->media.limit = limit > 0 ? MEDIA_LIMIT : 0;
  self->media.window = 0;
  self->media.used = 0;
}

static gboolean
is_paging_key (const char *query,
               const char *found)
{
  return found != NULL && (found == query || found[-1] == '&');
}

/**
 * ferry_rate_limits_for_request:
 * @method: the HTTP method
 * @url: the request's URL, with its query
 *
 * Which throttles count an API request, as Mastodon's rack_attack.rb decides it: every one the
 * token's; one with page, min_id, max_id or since_id in its query (present: not empty) the
 * paging throttle too (paging_request?); POST /api/v1/media or /api/v2/media the media one.
 *
 * Returns: the throttles that count it
 */
FerryRateLimits
ferry_rate_limits_for_request (const char *method,
                               const char *url)
{
  static const char *keys[] = { "max_id=", "min_id=", "since_id=", "page=" };
  FerryRateLimits limits = FERRY_RATE_LIMIT_API;
  const char *query;
  g_autofree char *path = NULL;

  g_return_val_if_fail (method != NULL, FERRY_RATE_LIMIT_API);
  g_return_val_if_fail (url != NULL, FERRY_RATE_LIMIT_API);

  query = strchr (url, '?');
  if (query != NULL)
    {
      query++;
      for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
        {
          const char *found = strstr (query, keys[i]);

          /* params[...].present?: a key with an empty value does not make a page. */
          while (found != NULL && !is_paging_key (query, found))
            found = strstr (found + 1, keys[i]);
          if (found != NULL)
            {
              char next = found[strlen (keys[i])];

              if (next != '\0' && next != '&' && next != '#')
                limits |= FERRY_RATE_LIMIT_PAGING;
            }
        }
    }

  /* req.post? && req.path.match?(/\A\/api\/v\d+\/media\z/i) */
  {
    const char *start = strstr (url, "://");
    const char *slash = start ? strchr (start + 3, '/') : url;

    if (slash != NULL)
      path = query ? g_strndup (slash, (gsize) (query - 1 - slash)) : g_strdup (slash);
  }
  if (g_ascii_strcasecmp (method, "POST") == 0 && path != NULL &&
      g_regex_match_simple ("^/api/v[0-9]+/media$", path, G_REGEX_CASELESS, 0))
    limits |= FERRY_RATE_LIMIT_MEDIA;
  return limits;
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
 * answer, or PROBE_LOST, ends the wait), or the window's reset is at most a media period
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
  return wait <= MAX (MAX (self->paging.period, self->media.period), PAGING_PERIOD) + 1;
}

/* The seconds until @counted has room, or 0 (and the window turned when it has). */
static gint64
counted_wait (Counted *counted,
              gint64   now)
{
  gint64 window;

  if (counted->limit == 0)
    return 0;
  window = now / counted->period;
  /* A window learnt from an answer may be the next one already (the server's Date a second
   * ahead of ours); one further off is a clock that went back. */
  if (window > counted->window || window + 1 < counted->window)
    {
      counted->window = window;
      counted->used = 0;
    }
  if (counted->used >= counted->limit)
    return CLAMP ((counted->window + 1) * counted->period - now, 1, counted->period + 1);
  return 0;
}

static void
counted_take (Counted *counted)
{
  if (counted->limit > 0)
    counted->used++;
}

/* An answer showed @counted's budget: the window that ends at @reset has @remaining left. */
static void
counted_learn (Counted *counted,
               gint64   reset,
               guint64  remaining,
               gboolean refused)
{
  gint64 window = (reset - 1) / counted->period;

  if (counted->limit == 0 || window < counted->window)
    return;
  if (window > counted->window)
    {
      counted->window = window;
      counted->used = 0;
    }
  if (refused)
    counted->used = MAX (counted->used, counted->limit);
  else if (remaining < counted->limit)
    counted->used = MAX (counted->used, counted->limit - (guint) remaining);
}

/* The token's budget. */
static gint64
api_wait (FerryRateLimiter *self,
          gint64            now)
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
  return 0;
}

static gint64
reserve (FerryRateLimiter *self,
         gint64            now,
         FerryRateLimits   limits)
{
  gint64 wait = 0;

  /* The throttles counted here first: they only look, and a page that waits for the paging
   * window must not start the token's probe of a new window (nothing would answer it). */
  if (limits & FERRY_RATE_LIMIT_PAGING)
    wait = MAX (wait, counted_wait (&self->paging, now));
  if (limits & FERRY_RATE_LIMIT_MEDIA)
    wait = MAX (wait, counted_wait (&self->media, now));
  if (wait > 0)
    return wait;

  if (limits & FERRY_RATE_LIMIT_API)
    {
      wait = api_wait (self, now);
      if (wait > 0)
        return wait;
      if (self->known)
        self->remaining--;
      else
        self->unknown_sent++;
    }
  if (limits & FERRY_RATE_LIMIT_PAGING)
    counted_take (&self->paging);
  if (limits & FERRY_RATE_LIMIT_MEDIA)
    counted_take (&self->media);
  self->outstanding = MIN (self->outstanding + 1, IN_FLIGHT);
  return 0;
}

/**
 * ferry_rate_limiter_reserve_for:
 * @limits: the throttles that count the request (ferry_rate_limits_for_request())
 *
 * Takes one request from the budget of each throttle in @limits, and from none when one of
 * them has no room.
 *
 * Returns: 0 when the request may go now; otherwise the seconds to wait before asking again
 */
gint64
ferry_rate_limiter_reserve_for (FerryRateLimiter *self,
                                FerryRateLimits   limits)
{
  gint64 now, wait;

  g_return_val_if_fail (FERRY_IS_RATE_LIMITER (self), 0);

  now = ferry_rate_limiter_get_server_now (self);
  wait = reserve (self, now, limits);
  g_warn_if_fail (check_wait (self, now, wait));
  return wait;
}

/**
 * ferry_rate_limiter_reserve:
 * @paged: whether the request is a page after the first (counts against the paging budget)
 *
 * ferry_rate_limiter_reserve_for() for an API call, a page or not.
 *
 * Returns: 0 when the request may go now; otherwise the seconds to wait before asking again
 */
gint64
ferry_rate_limiter_reserve (FerryRateLimiter *self,
                            gboolean          paged)
{
  return ferry_rate_limiter_reserve_for (self, FERRY_RATE_LIMIT_API |
                                               (paged ? FERRY_RATE_LIMIT_PAGING : 0));
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

/* Whether @reset is the end of @counted's window (aligned to the epoch) at @now. */
static gboolean
ends_window (Counted *counted,
             gint64   now,
             gint64   reset)
{
  return counted->limit > 0 &&
         ABS (reset - (now / counted->period + 1) * counted->period) <= CLOCK_STEP;
}

/* Which throttle an answer's headers show, of those in @limits that counted it: a reset at the
 * end of the paging or the media window is theirs when they counted the request; the token's
 * window is at most a paging period long (Mastodon's 5 minutes; other servers' own); any
 * other reset is the daily follows family's (not a request budget). The paging window's end
 * is a 5-minute window's end too: then the answer may show either, and it shows the paging
 * throttle's when the count here says that is nearly spent (the tightest), else the token's. */
static FerryRateLimits
shown_by (FerryRateLimiter *self,
          FerryRateLimits   limits,
          gint64            now,
          gint64            reset,
          guint64           remaining)
{
  gint64 ahead = reset - now;

  if ((limits & FERRY_RATE_LIMIT_MEDIA) && ahead > self->paging.period + CLOCK_STEP &&
      ends_window (&self->media, now, reset))
    return FERRY_RATE_LIMIT_MEDIA;
  if ((limits & FERRY_RATE_LIMIT_PAGING) && ends_window (&self->paging, now, reset))
    {
      guint left = self->paging.limit - MIN (self->paging.used, self->paging.limit);

      if (ahead > API_PERIOD + CLOCK_STEP || remaining + IN_FLIGHT >= left)
        return FERRY_RATE_LIMIT_PAGING;
    }
  if ((limits & FERRY_RATE_LIMIT_API) && ahead <= PAGING_PERIOD)
    return FERRY_RATE_LIMIT_API;
  return 0;
}

/**
 * ferry_rate_limiter_update_for:
 * @limits: the throttles that counted the request (what it was reserved for)
 *
 * Learns from an answer: the server's clock, and the budget of the throttle its headers show.
 */
void
ferry_rate_limiter_update_for (FerryRateLimiter   *self,
                               FerryRateLimits     limits,
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
  FerryRateLimits shown;

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
      if (status == 429 && (limits & FERRY_RATE_LIMIT_API))
        {
          /* A 429 without headers: wait for the next 5-minute window. */
          gint64 now = ferry_rate_limiter_get_server_now (self);

          if (!self->known)
            self->limit = 300;
          self->known = TRUE;
          self->remaining = 0;
          self->reset = (now / API_PERIOD + 1) * API_PERIOD;
        }
      return;
    }

  shown = shown_by (self, limits, ferry_rate_limiter_get_server_now (self), reset_time,
                    remaining_value);
  if (shown == FERRY_RATE_LIMIT_PAGING || shown == FERRY_RATE_LIMIT_MEDIA)
    {
      counted_learn (shown == FERRY_RATE_LIMIT_PAGING ? &self->paging : &self->media,
                     reset_time, remaining_value, status == 429);
      return;
    }
  /* The daily follow family shows in follow answers; it is not the request budget. Such an
   * answer tells nothing of the new window: if it was the probe, the next request probes. */
  if (shown != FERRY_RATE_LIMIT_API)
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

/**
 * ferry_rate_limiter_update:
 *
 * ferry_rate_limiter_update_for() for an API call that is not a page.
 */
void
ferry_rate_limiter_update (FerryRateLimiter   *self,
                           guint               status,
                           SoupMessageHeaders *headers)
{
  ferry_rate_limiter_update_for (self, FERRY_RATE_LIMIT_API, status, headers);
}
