/* ferry-move-endpoints.h: the API paths a move uses (api-facts §7, §8)
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Mastodon API, every server */
#define FERRY_PATH_VERIFY_CREDENTIALS "/api/v1/accounts/verify_credentials"
#define FERRY_PATH_ACCOUNT_LOOKUP     "/api/v1/accounts/lookup"
#define FERRY_PATH_SEARCH             "/api/v2/search"
#define FERRY_PATH_UPDATE_CREDENTIALS "/api/v1/accounts/update_credentials"
#define FERRY_PATH_FOLLOW_REQUESTS    "/api/v1/follow_requests"

/* Mastodon's actor of a local account, /users/NAME (config/routes.rb), for when the account
 * gave no "uri" */
#define FERRY_PATH_MASTODON_ACTOR     "/users/"

/* GoToSocial: internal/api/client/accounts/accountalias.go and accountmove.go */
#define FERRY_PATH_GTS_ALIAS          "/api/v1/accounts/alias"
#define FERRY_PATH_GTS_MOVE           "/api/v1/accounts/move"

/* GoToSocial's AccountAliasRequest binds this form key, repeated, without brackets
 * (internal/api/model/account.go: form:"also_known_as_uris"). */
#define FERRY_GTS_ALIAS_FIELD         "also_known_as_uris"

/* Akkoma and Pleroma: lib/pleroma/web/router.ex, twitter_api/controllers/util_controller.ex */
#define FERRY_PATH_AKKOMA_ALIASES     "/api/pleroma/aliases"
#define FERRY_PATH_AKKOMA_MOVE        "/api/pleroma/move_account"

G_END_DECLS
