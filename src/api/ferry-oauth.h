/* ferry-oauth.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ferry-client.h"
#include "ferry-server-info.h"

G_BEGIN_DECLS

#define FERRY_OAUTH_OOB "urn:ietf:wg:oauth:2.0:oob"

/**
 * FerryOAuthAccess:
 * @FERRY_OAUTH_READ: everything a backup reads
 * @FERRY_OAUTH_WRITE: everything a transfer writes (and the alias it names)
 * @FERRY_OAUTH_MOVE_AWAY: the account moves away, through the API where the server has one
 * @FERRY_OAUTH_ADMIN_READ: a community helper's sign-in that reads the server's accounts
 *   (admin:read:accounts, community-facts §1.2); only asked for when the helper chooses it
 *
 * What a token is for; which account needs what is core's to say (FerryRole).
 */
typedef enum
{
  FERRY_OAUTH_READ      = 1 << 0,
  FERRY_OAUTH_WRITE     = 1 << 1,
  FERRY_OAUTH_MOVE_AWAY = 1 << 2,
  FERRY_OAUTH_ADMIN_READ = 1 << 3,
} FerryOAuthAccess;

/**
 * FerryOAuthApp:
 *
 * Ferry's registration on one server: kept in the keyring and reused, because servers
 * allow only 5 registrations per 10 minutes.
 */
typedef struct
{
  char *client_id;
  char *client_secret;
  char *scopes;
  char *redirect_uri;   /* the loopback URI registered, with its port; NULL: any port */
} FerryOAuthApp;

void           ferry_oauth_app_free            (FerryOAuthApp        *app);
char          *ferry_oauth_app_serialize       (const FerryOAuthApp  *app);
FerryOAuthApp *ferry_oauth_app_deserialize     (const char           *text);

char          *ferry_oauth_scopes_for          (FerryServerInfo      *info,
                                                FerryOAuthAccess      access);
char          *ferry_oauth_app_scopes_for      (FerryServerInfo      *info);
/* The registration's scopes with more than either role asks (FERRY_OAUTH_ADMIN_READ for a
 * community helper who chose it); 0: ferry_oauth_app_scopes_for(). */
char          *ferry_oauth_app_scopes_with     (FerryServerInfo      *info,
                                                FerryOAuthAccess      extra);
gboolean       ferry_oauth_scopes_cover        (const char           *registered,
                                                const char           *wanted);
gboolean       ferry_oauth_loopback_port_varies (FerryServerInfo     *info);
gboolean       ferry_oauth_app_fits            (const FerryOAuthApp  *app,
                                                FerryServerInfo      *info,
                                                const char           *loopback_uri);
gboolean       ferry_oauth_app_fits_with       (const FerryOAuthApp  *app,
                                                FerryServerInfo      *info,
                                                const char           *loopback_uri,
                                                FerryOAuthAccess      extra);
guint16        ferry_oauth_app_get_port        (const FerryOAuthApp  *app);
char          *ferry_oauth_parse_pasted_code   (const char           *text,
                                                char                **state,
                                                GError              **error);
char          *ferry_oauth_random_token        (void);
char          *ferry_oauth_pkce_challenge      (const char           *verifier);
char          *ferry_oauth_authorize_url       (const char           *base_url,
                                                const FerryOAuthApp  *app,
                                                const char           *redirect_uri,
                                                const char           *scopes,
                                                const char           *state,
                                                const char           *challenge,
                                                gboolean              force_login);

void           ferry_oauth_register_with_async (FerryClient          *client,
                                                FerryServerInfo      *info,
                                                const char           *loopback_uri,
                                                FerryOAuthAccess      extra,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
void           ferry_oauth_register_async      (FerryClient          *client,
                                                FerryServerInfo      *info,
                                                const char           *loopback_uri,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
FerryOAuthApp *ferry_oauth_register_finish     (FerryClient          *client,
                                                GAsyncResult         *result,
                                                GError              **error);
void           ferry_oauth_exchange_async      (FerryClient          *client,
                                                const FerryOAuthApp  *app,
                                                const char           *code,
                                                const char           *redirect_uri,
                                                const char           *verifier,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
char          *ferry_oauth_exchange_finish     (FerryClient          *client,
                                                GAsyncResult         *result,
                                                GError              **error);
void           ferry_oauth_revoke_async        (FerryClient          *client,
                                                const FerryOAuthApp  *app,
                                                const char           *token,
                                                GCancellable         *cancellable,
                                                GAsyncReadyCallback   callback,
                                                gpointer              user_data);
gboolean       ferry_oauth_revoke_finish       (FerryClient          *client,
                                                GAsyncResult         *result,
                                                GError              **error);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (FerryOAuthApp, ferry_oauth_app_free)

G_END_DECLS
