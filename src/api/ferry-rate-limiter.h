/* ferry-rate-limiter.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

G_BEGIN_DECLS

#define FERRY_TYPE_RATE_LIMITER (ferry_rate_limiter_get_type ())

G_DECLARE_FINAL_TYPE (FerryRateLimiter, ferry_rate_limiter, FERRY, RATE_LIMITER, GObject)

/* The throttles that count a request (Mastodon's Rack::Attack throttles, see the .c file). */
typedef enum
{
  FERRY_RATE_LIMIT_API    = 1 << 0,   /* every API call: the token's budget (from the headers) */
  FERRY_RATE_LIMIT_PAGING = 1 << 1,   /* a page (max_id, min_id, since_id, page): the account's */
  FERRY_RATE_LIMIT_MEDIA  = 1 << 2,   /* an upload (POST /api/v1/media, /api/v2/media) */
} FerryRateLimits;

FerryRateLimits   ferry_rate_limits_for_request     (const char         *method,
                                                     const char         *url);

FerryRateLimiter *ferry_rate_limiter_new            (void);
gint64            ferry_rate_limiter_reserve        (FerryRateLimiter   *self,
                                                     gboolean            paged);
void              ferry_rate_limiter_update         (FerryRateLimiter   *self,
                                                     guint               status,
                                                     SoupMessageHeaders *headers);
gint64            ferry_rate_limiter_reserve_for    (FerryRateLimiter   *self,
                                                     FerryRateLimits     limits);
void              ferry_rate_limiter_update_for     (FerryRateLimiter   *self,
                                                     FerryRateLimits     limits,
                                                     guint               status,
                                                     SoupMessageHeaders *headers);
void              ferry_rate_limiter_set_paging_budget (FerryRateLimiter *self,
                                                     guint               limit,
                                                     gint64              period);
gint64            ferry_rate_limiter_get_server_now (FerryRateLimiter   *self);
void              ferry_rate_limiter_advance_to     (FerryRateLimiter   *self,
                                                     gint64              server_time);

/* For tests: the local clock, in seconds (g_get_real_time() by default). */
typedef gint64 (*FerryRateLimiterClock) (gpointer user_data);

void              ferry_rate_limiter_set_clock      (FerryRateLimiter   *self,
                                                     FerryRateLimiterClock clock,
                                                     gpointer            user_data);

G_END_DECLS
