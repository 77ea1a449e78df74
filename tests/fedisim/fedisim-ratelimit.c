/* fedisim-ratelimit.c: Mastodon's Rack::Attack throttles and follow limit, GoToSocial's
 * per-IP limit (api-facts §6, §8)
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Windows are fixed and aligned to the epoch (the key is now / period), counted on the
 * virtual clock. Every request counts, the refused ones too, as Rack::Attack's counter does.
 */

#define G_LOG_DOMAIN "fedisim"

#include "config.h"

#include <string.h>

#include "fedisim-private.h"

typedef struct
{
  const char *name;
  guint       limit;
  gint64      period;
} FsThrottle;

static const FsThrottle per_token = { "per_token_api", 300, 5 * 60 };
static const FsThrottle per_user = { "authenticated_api", 1500, 5 * 60 };
static const FsThrottle per_ip = { "unauthenticated_api", 300, 5 * 60 };
static const FsThrottle paging_user = { "authenticated_paging", 300, 15 * 60 };
static const FsThrottle paging_ip = { "unauthenticated_paging", 300, 15 * 60 };
static const FsThrottle apps_ip = { "oauth_application_registrations", 5, 10 * 60 };
static const FsThrottle follows = { "follows", 400, 24 * 3600 };
static const FsThrottle gts_ip = { "gts_ip", 300, 5 * 60 };

typedef struct
{
  const FsThrottle *throttle;
  guint             limit;    /* the throttle's, times the world's limit factor */
  guint             count;
  gint64            reset;
} FsHit;

/* Counts one request against a throttle and says where it stands. */
static FsHit
hit (FedisimServer    *server,
     const FsThrottle *throttle,
     const char       *discriminator,
     gboolean          increment)
{
  gint64 now = fedisim_world_now (server->world);
  gint64 window = now / throttle->period;
  g_autofree char *key = g_strdup_printf ("%s:%s", throttle->name, discriminator);
  FsCounter *counter = g_hash_table_lookup (server->counters, key);
  FsHit result = { throttle, throttle->limit * MAX (server->world->limit_factor, 1), 0,
                   (window + 1) * throttle->period };

  if (counter == NULL)
    {
      counter = g_new0 (FsCounter, 1);
      g_hash_table_insert (server->counters, g_steal_pointer (&key), counter);
    }
  if (counter->window != window)
    {
      counter->window = window;
      counter->count = 0;
    }
  if (increment)
    counter->count++;
  result.count = counter->count;
  return result;
}

static void
set_headers (FsRequest   *req,
             const FsHit *hit_)
{
  SoupMessageHeaders *headers = soup_server_message_get_response_headers (req->msg);
  g_autoptr(GDateTime) reset = g_date_time_new_from_unix_utc (hit_->reset);
  g_autofree char *reset_text = g_date_time_format (reset, "%Y-%m-%dT%H:%M:%S.000000Z");
  g_autofree char *limit = g_strdup_printf ("%u", hit_->limit);
  g_autofree char *remaining = g_strdup_printf ("%u", hit_->count >= hit_->limit
                                                        ? 0 : hit_->limit - hit_->count);

  soup_message_headers_replace (headers, "X-RateLimit-Limit", limit);
  soup_message_headers_replace (headers, "X-RateLimit-Remaining", remaining);
  soup_message_headers_replace (headers, "X-RateLimit-Reset", reset_text);
}

static gboolean
is_paged (FsRequest *req)
{
  static const char *keys[] = { "page", "min_id", "max_id", "since_id" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    if (g_hash_table_contains (req->query, keys[i]))
      return TRUE;
  return FALSE;
}

/* The throttle closest to exhaustion gives the headers (Api::RateLimitHeaders). */
static const FsHit *
tightest (const FsHit *hits,
          guint        n)
{
  const FsHit *best = NULL;

  for (guint i = 0; i < n; i++)
    {
      gint64 left = (gint64) hits[i].limit - hits[i].count;

      if (best == NULL || left < (gint64) best->limit - best->count)
        best = &hits[i];
    }
  return best;
}

/**
 * fs_rate_check:
 *
 * Counts an API request against every throttle that applies, sets the X-RateLimit-*
 * headers, and answers 429 {"error":"Too many requests"} (no Retry-After) when one is
 * exceeded.
 *
 * Returns: %FALSE when the request was refused
 */
gboolean
fs_rate_check (FsRequest *req)
{
  FedisimServer *server = req->server;
  FsActor *user = req->token ? req->token->user : NULL;
  FsHit hits[4];
  guint n = 0;
  const FsHit *limiting;

  switch (server->flavour)
    {
    case FEDISIM_FLAVOUR_AKKOMA:
      return TRUE;   /* no headers, no limit that clients see in the tests */

    case FEDISIM_FLAVOUR_GOTOSOCIAL:
      hits[n++] = hit (server, &gts_ip, "127.0.0.1", TRUE);
      break;

    case FEDISIM_FLAVOUR_MASTODON:
    case FEDISIM_FLAVOUR_LEGACY:
    default:
      if (req->token != NULL)
        {
          g_autofree char *token_key = g_strdup_printf ("%" G_GUINT64_FORMAT, req->token->id);

          hits[n++] = hit (server, &per_token, token_key, TRUE);
        }
      if (user != NULL)
        {
          g_autofree char *user_key = g_strdup_printf ("%" G_GUINT64_FORMAT, user->id);

          hits[n++] = hit (server, &per_user, user_key, TRUE);
          if (is_paged (req))
            hits[n++] = hit (server, &paging_user, user_key, TRUE);
        }
      else
        {
          hits[n++] = hit (server, &per_ip, "127.0.0.1", TRUE);
          if (is_paged (req))
            hits[n++] = hit (server, &paging_ip, "127.0.0.1", TRUE);
        }
      break;
    }

  limiting = tightest (hits, n);
  set_headers (req, limiting);

  for (guint i = 0; i < n; i++)
    {
      if (hits[i].count > hits[i].limit)
        {
          fs_reply_error (req, 429, "Too many requests");
          return FALSE;
        }
    }
  return TRUE;
}

/**
 * fs_rate_take_follow:
 *
 * Mastodon's `follows` family: 400 new follows (or follow requests) a day per account, on
 * the API only. On success the follow answer's headers show this family when it is tighter.
 *
 * Returns: %FALSE when the limit is reached (the caller answers 429)
 */
gboolean
fs_rate_take_follow (FsRequest *req,
                     FsActor   *user)
{
  g_autofree char *key = g_strdup_printf ("%" G_GUINT64_FORMAT, user->id);
  FsHit current;

  if (req->server->flavour != FEDISIM_FLAVOUR_MASTODON &&
      req->server->flavour != FEDISIM_FLAVOUR_LEGACY)
    return TRUE;

  current = hit (req->server, &follows, key, FALSE);
  if (current.count >= follows.limit)
    {
      set_headers (req, &current);
      return FALSE;
    }

  current = hit (req->server, &follows, key, TRUE);
  {
    const char *remaining = soup_message_headers_get_one (
      soup_server_message_get_response_headers (req->msg), "X-RateLimit-Remaining");

    if (remaining == NULL || follows.limit - current.count < g_ascii_strtoull (remaining, NULL, 10))
      set_headers (req, &current);
  }
  return TRUE;
}

/* POST /api/v1/apps: 5 per 10 minutes per IP. */
gboolean
fs_rate_take_app (FsRequest *req)
{
  FsHit current = hit (req->server, &apps_ip, "127.0.0.1", TRUE);

  return current.count <= apps_ip.limit;
}
