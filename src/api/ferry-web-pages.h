/* ferry-web-pages.h: the servers' own settings pages that Ferry opens for a person
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Where a server has no API for a step, Ferry opens the page that does it. Each path is the
 * software's own (api-facts §9; observed-servers.md for GoToSocial).
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Mastodon: config/routes/settings.rb */
#define FERRY_PAGE_MASTODON_ALIASES    "/settings/aliases"
#define FERRY_PAGE_MASTODON_MIGRATION  "/settings/migration"   /* move, and cancel redirect */
#define FERRY_PAGE_MASTODON_IMPORTS    "/settings/imports"

/* GoToSocial's settings app: web/source/settings (user/migration, user/export-import) */
#define FERRY_PAGE_GTS_MIGRATION       "/settings/user/migration"
#define FERRY_PAGE_GTS_EXPORT_IMPORT   "/settings/user/export-import"

/* Misskey: packages/frontend/src/pages/settings/migration.vue */
#define FERRY_PAGE_MISSKEY_MIGRATION   "/settings/migration"

G_END_DECLS
