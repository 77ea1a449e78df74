/* ferry-client-actions.h: typed calls that change an account: follows with their options,
 * blocks, mutes, notes, endorsements, lists, blocked servers, bookmarks, hashtags
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ferry-account.h"
#include "ferry-client.h"
#include "ferry-filter.h"
#include "ferry-list.h"
#include "ferry-relationship.h"
#include "ferry-status.h"
#include "ferry-tag.h"

G_BEGIN_DECLS

/**
 * FerryFollowOptions:
 * @reblogs: show the account's boosts
 * @notify: a notification for each new post (Mastodon 3.3+)
 * @languages: (nullable): only posts in these languages (4.0+); %NULL or empty: all
 *
 * What a follow keeps (api-facts §3.6). Following again changes them on an existing follow.
 */
typedef struct
{
  gboolean            reblogs;
  gboolean            notify;
  const char * const *languages;
} FerryFollowOptions;

void               ferry_client_follow_async        (FerryClient              *self,
                                                     const char               *account_id,
                                                     const FerryFollowOptions *options,
                                                     GCancellable             *cancellable,
                                                     GAsyncReadyCallback       callback,
                                                     gpointer                  user_data);
void               ferry_client_unfollow_async      (FerryClient              *self,
                                                     const char               *account_id,
                                                     GCancellable             *cancellable,
                                                     GAsyncReadyCallback       callback,
                                                     gpointer                  user_data);
void               ferry_client_block_async         (FerryClient              *self,
                                                     const char               *account_id,
                                                     GCancellable             *cancellable,
                                                     GAsyncReadyCallback       callback,
                                                     gpointer                  user_data);
void               ferry_client_mute_async          (FerryClient              *self,
                                                     const char               *account_id,
                                                     gboolean                  notifications,
                                                     gint64                    duration,
                                                     GCancellable             *cancellable,
                                                     GAsyncReadyCallback       callback,
                                                     gpointer                  user_data);
void               ferry_client_set_note_async      (FerryClient              *self,
                                                     const char               *account_id,
                                                     const char               *comment,
                                                     GCancellable             *cancellable,
                                                     GAsyncReadyCallback       callback,
                                                     gpointer                  user_data);
void               ferry_client_endorse_async       (FerryClient              *self,
                                                     const char               *account_id,
                                                     GCancellable             *cancellable,
                                                     GAsyncReadyCallback       callback,
                                                     gpointer                  user_data);
FerryRelationship *ferry_client_account_action_finish (FerryClient            *self,
                                                     GAsyncResult             *result,
                                                     GError                  **error);

void               ferry_client_create_list_async   (FerryClient              *self,
                                                     const char               *title,
                                                     const char               *replies_policy,
                                                     gboolean                  exclusive,
                                                     GCancellable             *cancellable,
                                                     GAsyncReadyCallback       callback,
                                                     gpointer                  user_data);
FerryList         *ferry_client_create_list_finish  (FerryClient              *self,
                                                     GAsyncResult             *result,
                                                     GError                  **error);
void               ferry_client_add_to_list_async   (FerryClient              *self,
                                                     const char               *list_id,
                                                     const char * const       *account_ids,
                                                     GCancellable             *cancellable,
                                                     GAsyncReadyCallback       callback,
                                                     gpointer                  user_data);
void               ferry_client_block_domain_async  (FerryClient              *self,
                                                     const char               *domain,
                                                     GCancellable             *cancellable,
                                                     GAsyncReadyCallback       callback,
                                                     gpointer                  user_data);
void               ferry_client_unblock_domain_async (FerryClient             *self,
                                                     const char               *domain,
                                                     GCancellable             *cancellable,
                                                     GAsyncReadyCallback       callback,
                                                     gpointer                  user_data);
gboolean           ferry_client_action_finish       (FerryClient              *self,
                                                     GAsyncResult             *result,
                                                     GError                  **error);

void               ferry_client_bookmark_async      (FerryClient              *self,
                                                     const char               *status_id,
                                                     GCancellable             *cancellable,
                                                     GAsyncReadyCallback       callback,
                                                     gpointer                  user_data);
FerryStatus       *ferry_client_bookmark_finish     (FerryClient              *self,
                                                     GAsyncResult             *result,
                                                     GError                  **error);
void               ferry_client_follow_tag_async    (FerryClient              *self,
                                                     const char               *name,
                                                     GCancellable             *cancellable,
                                                     GAsyncReadyCallback       callback,
                                                     gpointer                  user_data);
void               ferry_client_feature_tag_async   (FerryClient              *self,
                                                     const char               *name,
                                                     GCancellable             *cancellable,
                                                     GAsyncReadyCallback       callback,
                                                     gpointer                  user_data);
FerryTag          *ferry_client_tag_action_finish   (FerryClient              *self,
                                                     GAsyncResult             *result,
                                                     GError                  **error);

/**
 * FerryFilterKeyword:
 * @keyword: the word or phrase
 * @whole_word: match it only as a whole word
 */
typedef struct
{
  const char *keyword;
  gboolean    whole_word;
} FerryFilterKeyword;

void               ferry_client_create_filter_async (FerryClient              *self,
                                                     const char               *title,
                                                     const char * const       *context,
                                                     const char               *action,
                                                     gint64                    expires_in,
                                                     const FerryFilterKeyword *keywords,
                                                     guint                     n_keywords,
                                                     GCancellable             *cancellable,
                                                     GAsyncReadyCallback       callback,
                                                     gpointer                  user_data);
FerryFilter       *ferry_client_create_filter_finish (FerryClient             *self,
                                                     GAsyncResult             *result,
                                                     GError                  **error);
void               ferry_client_add_filter_status_async (FerryClient          *self,
                                                     const char               *filter_id,
                                                     const char               *status_id,
                                                     GCancellable             *cancellable,
                                                     GAsyncReadyCallback       callback,
                                                     gpointer                  user_data);

void               ferry_client_update_credentials_async (FerryClient         *self,
                                                     FerryParams              *form,
                                                     GCancellable             *cancellable,
                                                     GAsyncReadyCallback       callback,
                                                     gpointer                  user_data);
FerryAccount      *ferry_client_update_credentials_finish (FerryClient        *self,
                                                     GAsyncResult             *result,
                                                     GError                  **error);
void               ferry_client_import_async        (FerryClient              *self,
                                                     const char               *type,
                                                     gboolean                  merge,
                                                     GBytes                   *csv,
                                                     GCancellable             *cancellable,
                                                     GAsyncReadyCallback       callback,
                                                     gpointer                  user_data);

G_END_DECLS
