/* ferry-client-posting.h: typed calls for posting: a status with an idempotency key, a
 * scheduled status, the scheduled list, pins, a status and an account's posts read back
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ferry-client.h"

G_BEGIN_DECLS

/**
 * FerryPost:
 * @id: the status's id, or the scheduled status's when @scheduled
 * @url: (nullable): its web page
 * @visibility: public, unlisted, private, direct
 * @text: the text, tags removed (from `content`; a scheduled status's `params.text`)
 * @created_at: (nullable): ISO 8601
 * @scheduled_at: (nullable): ISO 8601, for a scheduled status
 * @pinned: pinned on the profile (only the author sees it)
 * @scheduled: the server holds it for later (a ScheduledStatus, not a Status)
 *
 * A post as the server answered it.
 */
typedef struct
{
  char    *id;
  char    *url;
  char    *visibility;
  char    *text;
  char    *created_at;
  char    *scheduled_at;
  gboolean pinned;
  gboolean scheduled;
} FerryPost;

void       ferry_post_free (FerryPost *post);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FerryPost, ferry_post_free)

/**
 * FerryPostRequest:
 * @text: the status
 * @visibility: public, unlisted, private or direct
 * @language: (nullable): ISO 639
 * @scheduled_at: 0: now; else Unix seconds (the caller keeps the server's limits)
 * @idempotency_key: (nullable): the same key for every try of one post
 */
typedef struct
{
  const char *text;
  const char *visibility;
  const char *language;
  gint64      scheduled_at;
  const char *idempotency_key;
} FerryPostRequest;

void       ferry_client_post_status_async      (FerryClient            *self,
                                                const FerryPostRequest *request,
                                                GCancellable           *cancellable,
                                                GAsyncReadyCallback     callback,
                                                gpointer                user_data);
void       ferry_client_read_status_async      (FerryClient            *self,
                                                const char             *id,
                                                GCancellable           *cancellable,
                                                GAsyncReadyCallback     callback,
                                                gpointer                user_data);
void       ferry_client_pin_status_async       (FerryClient            *self,
                                                const char             *id,
                                                gboolean                pin,
                                                GCancellable           *cancellable,
                                                GAsyncReadyCallback     callback,
                                                gpointer                user_data);
FerryPost *ferry_client_post_finish            (FerryClient            *self,
                                                GAsyncResult           *result,
                                                GError                **error);

void       ferry_client_list_scheduled_async   (FerryClient            *self,
                                                GCancellable           *cancellable,
                                                GAsyncReadyCallback     callback,
                                                gpointer                user_data);
void       ferry_client_recent_posts_async     (FerryClient            *self,
                                                const char             *account_id,
                                                gboolean                pinned_only,
                                                GCancellable           *cancellable,
                                                GAsyncReadyCallback     callback,
                                                gpointer                user_data);
GPtrArray *ferry_client_posts_finish           (FerryClient            *self,
                                                GAsyncResult           *result,
                                                GError                **error);

/**
 * FerryRedirectCheck:
 * @status: the HTTP status (301, 308… or 200 when the page is served itself)
 * @location: (nullable): where a redirect points, resolved to an absolute address
 * @profile: (nullable): the account whose profile page @location is ("user@host"), when it is
 *   one
 */
typedef struct
{
  guint  status;
  char  *location;
  char  *profile;
} FerryRedirectCheck;

void                ferry_redirect_check_free          (FerryRedirectCheck *check);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (FerryRedirectCheck, ferry_redirect_check_free)

void                ferry_client_check_profile_redirect_async  (FerryClient         *self,
                                                                const char          *username,
                                                                GCancellable        *cancellable,
                                                                GAsyncReadyCallback  callback,
                                                                gpointer             user_data);
FerryRedirectCheck *ferry_client_check_profile_redirect_finish (FerryClient         *self,
                                                                GAsyncResult        *result,
                                                                GError             **error);

G_END_DECLS
