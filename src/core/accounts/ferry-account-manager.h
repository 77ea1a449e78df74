/* ferry-account-manager.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ferry-account.h"
#include "ferry-account-context.h"
#include "ferry-client.h"
#include "ferry-oauth.h"
#include "ferry-role.h"
#include "ferry-secret-store.h"

G_BEGIN_DECLS

typedef enum
{
  FERRY_ACCOUNT_SIGNED_OUT,
  FERRY_ACCOUNT_CHECKING,
  FERRY_ACCOUNT_SIGNED_IN,
  FERRY_ACCOUNT_LOGIN_DISABLED,  /* signed in, but the server refuses the token (after a move) */
  FERRY_ACCOUNT_EXPIRED,         /* the token was revoked: sign in again */
  FERRY_ACCOUNT_UNREACHABLE,     /* signed in, the server did not answer */
} FerryAccountState;

#define FERRY_TYPE_ACCOUNT_MANAGER (ferry_account_manager_get_type ())

G_DECLARE_FINAL_TYPE (FerryAccountManager, ferry_account_manager, FERRY, ACCOUNT_MANAGER, GObject)

FerryAccountManager *ferry_account_manager_new            (FerrySecretStore     *store,
                                                           GSettings            *settings,
                                                           GTlsDatabase         *tls_database);
FerrySecretStore    *ferry_account_manager_get_store      (FerryAccountManager  *self);
GTlsDatabase        *ferry_account_manager_get_tls_database (FerryAccountManager *self);
void                 ferry_account_manager_set_tls_database (FerryAccountManager *self,
                                                             GTlsDatabase        *tls_database);
FerryAccountState    ferry_account_manager_get_state      (FerryAccountManager  *self,
                                                           FerryRole             role);
FerryAccount        *ferry_account_manager_get_account    (FerryAccountManager  *self,
                                                           FerryRole             role);
FerryClient         *ferry_account_manager_get_client     (FerryAccountManager  *self,
                                                           FerryRole             role);
FerryAccountContext *ferry_account_manager_get_context    (FerryAccountManager  *self,
                                                           FerryRole             role);
const char          *ferry_account_manager_get_handle     (FerryAccountManager  *self,
                                                           FerryRole             role);
const char          *ferry_account_manager_get_problem    (FerryAccountManager  *self,
                                                           FerryRole             role);
gboolean             ferry_account_manager_shares_server  (FerryAccountManager  *self,
                                                           FerryRole             role,
                                                           const char           *server);
void                 ferry_account_manager_adopt          (FerryAccountManager  *self,
                                                           FerryRole             role,
                                                           FerryAccount         *account,
                                                           FerryClient          *client);
gboolean             ferry_account_manager_check_saved    (FerryAccountManager  *self,
                                                           FerryRole             role,
                                                           GError              **error);
void                 ferry_account_manager_set_answer_timeout (FerryAccountManager *self,
                                                               guint                seconds);
guint                ferry_account_manager_get_answer_timeout (FerryAccountManager *self);
void                 ferry_account_manager_refresh_async  (FerryAccountManager  *self,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean             ferry_account_manager_refresh_finish (FerryAccountManager  *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
void                 ferry_account_manager_sign_out_async (FerryAccountManager  *self,
                                                           FerryRole             role,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
gboolean             ferry_account_manager_sign_out_finish (FerryAccountManager *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);

/**
 * FerryCollectionCounts:
 *
 * How many of each the account holds; -1 where the server has no such thing (GoToSocial has
 * no domain blocks) or could not say.
 */
typedef struct
{
  gint64 lists;
  gint64 blocks;
  gint64 mutes;
  gint64 domain_blocks;
  gint64 bookmarks;
  gint64 followed_tags;
  gint64 filters;
} FerryCollectionCounts;

void                 ferry_account_manager_count_async    (FerryAccountManager  *self,
                                                           FerryRole             role,
                                                           GCancellable         *cancellable,
                                                           GAsyncReadyCallback   callback,
                                                           gpointer              user_data);
FerryCollectionCounts *ferry_account_manager_count_finish (FerryAccountManager  *self,
                                                           GAsyncResult         *result,
                                                           GError              **error);
void                 ferry_account_manager_load_avatar_async  (FerryAccountManager *self,
                                                               FerryRole            role,
                                                               GCancellable        *cancellable,
                                                               GAsyncReadyCallback  callback,
                                                               gpointer             user_data);
GBytes              *ferry_account_manager_load_avatar_finish (FerryAccountManager *self,
                                                               GAsyncResult        *result,
                                                               GError             **error);

G_END_DECLS
