/* fedisim-ratelimit.c: Mastodon's Rack::Attack throttles and follow limit, GoToSocial's
 * per-IP limit (api-facts §6, §8)
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Windows are fixed and aligned to the epoch (the key is now / period), counted on the
 * virtual clock. The throttles, their limits and what each counts follow mastodon
 * config/initializers/rack_attack.rb; Rack::Attack (rack/rack-attack
 * lib/rack/attack/configuration.rb, throttled?: @throttles.any?) goes through them in the
 * order they are declared, counts the request in each (the refused one too), and stops at the
 * first that refuses: the ones after it do not count that request.
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
static const FsThrottle media_user = { "api_media", 30, 30 * 60 };
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

/* paging_request?: params['page'].present? || … min_id, max_id, since_id (an empty value is
 * not present). */
static gboolean
is_paged (FsRequest *req)
{
  static const char *keys[] = { "page", "min_id", "max_id", "since_id" };

  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    {
      GPtrArray *values = g_hash_table_lookup (req->query, keys[i]);

      for (guint j = 0; values != NULL && j < values->len; j++)
        if (*(const char *) g_ptr_array_index (values, j) != '\0')
          return TRUE;
    }
  return FALSE;
}

/* throttle_api_media: req.post? && req.path.match?(/\A\/api\/v\d+\/media\z/i) */
static gboolean
is_media_upload (FsRequest *req)
{
  return g_str_equal (req->method, "POST") &&
         g_regex_match_simple ("^/api/v[0-9]+/media$", req->path, G_REGEX_CASELESS, 0);
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
  const FsThrottle *order[4];
  const char *keys[4];
  g_autofree char *token_key = NULL;
  g_autofree char *user_key = NULL;
  FsHit hits[4];
  guint n = 0, counted = 0;

  switch (server->flavour)
    {
    case FEDISIM_FLAVOUR_AKKOMA:
      return TRUE;   /* no headers, no limit that clients see in the tests */

    case FEDISIM_FLAVOUR_GOTOSOCIAL:
      order[n] = &gts_ip, keys[n++] = "127.0.0.1";
      break;

    case FEDISIM_FLAVOUR_MASTODON:
    case FEDISIM_FLAVOUR_LEGACY:
    default:
      /* rack_attack.rb's order: authenticated_api, per_token_api, unauthenticated_api,
       * api_media, …, authenticated_paging, unauthenticated_paging. */
      token_key = req->token ? g_strdup_printf ("%" G_GUINT64_FORMAT, req->token->id) : NULL;
      user_key = user ? g_strdup_printf ("%" G_GUINT64_FORMAT, user->id) : NULL;
      if (user != NULL)
        order[n] = &per_user, keys[n++] = user_key;
      if (req->token != NULL)
        order[n] = &per_token, keys[n++] = token_key;
      if (user == NULL)
        order[n] = &per_ip, keys[n++] = "127.0.0.1";
      if (user != NULL && is_media_upload (req))
        order[n] = &media_user, keys[n++] = user_key;
      if (is_paged (req))
        {
          if (user != NULL)
            order[n] = &paging_user, keys[n++] = user_key;
          else
            order[n] = &paging_ip, keys[n++] = "127.0.0.1";
        }
      break;
    }

  for (guint i = 0; i < n; i++)
    {
      hits[counted++] = hit (server, order[i], keys[i], TRUE);
      if (hits[i].count > hits[i].limit)
        {
          /* throttled_responder: the refusing throttle's limit, 0 left, its period's reset. */
          set_headers (req, &hits[i]);
          fs_reply_error (req, 429, "Too many requests");
          return FALSE;
        }
    }

  /* Api::RateLimitHeaders: the throttle closest to exhaustion of those that counted it. */
  if (counted > 0)
    set_headers (req, tightest (hits, counted));
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
