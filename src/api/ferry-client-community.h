/* ferry-client-community.h: typed calls for a community's move: members looked up on their
 * own server, actors' aliases, the directory, the admin accounts lists, followers, lists
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ferry-client.h"

G_BEGIN_DECLS

/* The directory's page (mastodon: app/controllers/api/v1/directories_controller.rb,
 * DEFAULT_ACCOUNTS_LIMIT 40, the maximum twice that: api/base_controller.rb limit_param). */
#define FERRY_DIRECTORY_PAGE 80
/* The admin accounts list's page (mastodon: app/controllers/api/v1/admin/accounts_controller.rb
 * LIMIT 100, maximum 200; gotosocial: internal/api/client/admin/accountsgetv1.go, max 200;
 * akkoma: docs/docs/development/API/admin_api.md, page_size, default 50). */
#define FERRY_ADMIN_ACCOUNTS_PAGE 200
#define FERRY_ADMIN_USERS_PAGE_AKKOMA 50
/* Followers: 40 by default, 80 at most (api-facts §3.5). */
#define FERRY_FOLLOWERS_PAGE 80

/**
 * FerryAdminFlavour:
 * Which admin API the server has (community-facts §1.2).
 */
typedef enum
{
  FERRY_ADMIN_MASTODON_V2,   /* GET /api/v2/admin/accounts (Mastodon 4.0+, GoToSocial) */
  FERRY_ADMIN_MASTODON_V1,   /* GET /api/v1/admin/accounts (older Mastodon) */
  FERRY_ADMIN_AKKOMA,        /* GET /api/v1/pleroma/admin/users */
} FerryAdminFlavour;

/**
 * FerryCommunityAccount:
 * @gone: the server answered 404 or 410 for it (deleted, or never there): nothing else is set
 * @address: user@host (lower case host), as the server named it
 * @moved_to: user@host of the account it moved to, or %NULL
 * @last_status_at: "YYYY-MM-DD", or %NULL
 * @followers, @following, @statuses: -1 when not shown
 *
 * One account as its own server (or a listing) shows it. Plain data: free with
 * ferry_community_account_free().
 */
typedef struct
{
  gboolean  gone;
  char     *id;
  char     *address;
  char     *display_name;
  char     *uri;
  gint64    followers;
  gint64    following;
  gint64    statuses;
  char     *last_status_at;
  char     *moved_to;
  gboolean  suspended;
  gboolean  limited;
  gboolean  discoverable;
} FerryCommunityAccount;

void                   ferry_community_account_free (FerryCommunityAccount *account);
FerryCommunityAccount *ferry_community_account_copy (const FerryCommunityAccount *account);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FerryCommunityAccount, ferry_community_account_free)

/* Looks an account up on this server (GET /api/v1/accounts/lookup): 404/410 is not an
 * error but an account with gone set. acct: "user" (local) or "user@host". */
void                   ferry_client_community_lookup_async  (FerryClient          *self,
                                                             const char           *acct,
                                                             GCancellable         *cancellable,
                                                             GAsyncReadyCallback   callback,
                                                             gpointer              user_data);
FerryCommunityAccount *ferry_client_community_lookup_finish (FerryClient          *self,
                                                             GAsyncResult         *result,
                                                             GError              **error);

/* The actor's alsoKnownAs (its ActivityPub document, asked with the activity+json Accept
 * header): a strv (empty when none), or NULL with error; gone is set on 404/410. */
void                   ferry_client_community_aliases_async  (FerryClient         *self,
                                                              const char          *actor_uri,
                                                              GCancellable        *cancellable,
                                                              GAsyncReadyCallback  callback,
                                                              gpointer             user_data);
GStrv                  ferry_client_community_aliases_finish (FerryClient         *self,
                                                              GAsyncResult        *result,
                                                              gboolean            *gone,
                                                              GError             **error);

/* Each listing returns a GPtrArray of FerryCommunityAccount. */

/* The profile directory's local accounts, every page (offset paging, FERRY_DIRECTORY_PAGE a
 * page). A server without one answers FERRY_API_ERROR_UNSUPPORTED. */
void                   ferry_client_community_directory_async  (FerryClient       *self,
                                                                guint              max_accounts,
                                                                GCancellable      *cancellable,
                                                                GAsyncReadyCallback callback,
                                                                gpointer           user_data);
GPtrArray             *ferry_client_community_directory_finish (FerryClient       *self,
                                                                GAsyncResult      *result,
                                                                GError           **error);

/* The server's local, not suspended accounts through its admin API. Refused for the scope or
 * the role: FERRY_API_ERROR_FORBIDDEN (or AUTH) with the reason in plain words as message. */
void                   ferry_client_community_admin_accounts_async  (FerryClient  *self,
                                                                     FerryAdminFlavour flavour,
                                                                     GCancellable *cancellable,
                                                                     GAsyncReadyCallback callback,
                                                                     gpointer      user_data);
GPtrArray             *ferry_client_community_admin_accounts_finish (FerryClient  *self,
                                                                     GAsyncResult *result,
                                                                     GError      **error);

/* An account's followers (by its id on this server), every page through the client's Link
 * paging. */
void                   ferry_client_community_followers_async  (FerryClient       *self,
                                                                const char        *account_id,
                                                                GCancellable      *cancellable,
                                                                GAsyncReadyCallback callback,
                                                                gpointer           user_data);
GPtrArray             *ferry_client_community_followers_finish (FerryClient       *self,
                                                                GAsyncResult      *result,
                                                                GError           **error);

/* The accounts of a list the signed-in account owns (limit=0: every member at once). */
void                   ferry_client_community_list_accounts_async  (FerryClient   *self,
                                                                    const char    *list_id,
                                                                    GCancellable  *cancellable,
                                                                    GAsyncReadyCallback callback,
                                                                    gpointer       user_data);
GPtrArray             *ferry_client_community_list_accounts_finish (FerryClient   *self,
                                                                    GAsyncResult  *result,
                                                                    GError       **error);

/* For the pure parts (tests, fuzzing): an account object as a server sends it. */
FerryCommunityAccount *ferry_community_account_new_from_json (const char *host,
                                                             JsonNode   *node);

G_END_DECLS
