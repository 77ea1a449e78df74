/* ferry-server-info.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ferry-client.h"

G_BEGIN_DECLS

/**
 * FerryMigrationKind:
 * @FERRY_MIGRATION_NONE: no known way to move an account
 * @FERRY_MIGRATION_MASTODON_WEB: web pages only (Mastodon has no API for aliases or moves)
 * @FERRY_MIGRATION_GOTOSOCIAL_API: /api/v1/accounts/alias and /move
 * @FERRY_MIGRATION_AKKOMA_API: /api/pleroma/aliases and /move_account
 * @FERRY_MIGRATION_MISSKEY: Misskey's own API (moves need its web session)
 */
typedef enum
{
  FERRY_MIGRATION_NONE,
  FERRY_MIGRATION_MASTODON_WEB,
  FERRY_MIGRATION_GOTOSOCIAL_API,
  FERRY_MIGRATION_AKKOMA_API,
  FERRY_MIGRATION_MISSKEY,
} FerryMigrationKind;

/**
 * FerryApiCoverage:
 * @FERRY_API_SHOWN: the API lists it
 * @FERRY_API_HIDDEN: the endpoint answers, but always with nothing ([]): the API does not
 *   show it, though the account may have some
 * @FERRY_API_MISSING: there is no such endpoint (404)
 *
 * What a server's client API shows of one kind of data ("followers", "mutes"…), as the
 * server's source says.
 */
typedef enum
{
  FERRY_API_SHOWN,
  FERRY_API_HIDDEN,
  FERRY_API_MISSING,
} FerryApiCoverage;

#define FERRY_TYPE_SERVER_INFO (ferry_server_info_get_type ())

G_DECLARE_FINAL_TYPE (FerryServerInfo, ferry_server_info, FERRY, SERVER_INFO, GObject)

void                ferry_server_info_probe_async        (FerryClient          *client,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
FerryServerInfo    *ferry_server_info_probe_finish       (GAsyncResult         *result,
                                                          GError              **error);
void                ferry_server_info_probe_text_async   (const char           *server,
                                                          GTlsDatabase         *tls_database,
                                                          GCancellable         *cancellable,
                                                          GAsyncReadyCallback   callback,
                                                          gpointer              user_data);
FerryServerInfo    *ferry_server_info_new_from_json      (const char           *host,
                                                          JsonNode             *nodeinfo,
                                                          JsonNode             *instance,
                                                          JsonNode             *oauth_metadata);

const char         *ferry_server_info_get_host           (FerryServerInfo      *self);
const char         *ferry_server_info_get_software       (FerryServerInfo      *self);
const char         *ferry_server_info_get_software_name  (FerryServerInfo      *self);
const char         *ferry_server_info_get_version        (FerryServerInfo      *self);
const char         *ferry_server_info_get_title          (FerryServerInfo      *self);
int                 ferry_server_info_get_api_version    (FerryServerInfo      *self);
gboolean            ferry_server_info_supports_pkce      (FerryServerInfo      *self);
FerryMigrationKind  ferry_server_info_get_migration_kind (FerryServerInfo      *self);
gboolean            ferry_server_info_has_import_api     (FerryServerInfo      *self);
gboolean            ferry_server_info_has_domain_blocks  (FerryServerInfo      *self);
FerryApiCoverage    ferry_server_info_get_coverage       (FerryServerInfo      *self,
                                                          const char           *category);
gboolean            ferry_server_info_shows_counts       (FerryServerInfo      *self);
gboolean            ferry_server_info_shows_moved        (FerryServerInfo      *self);
const char * const *ferry_server_info_get_notes          (FerryServerInfo      *self);
gboolean            ferry_server_info_honours_move       (FerryServerInfo      *self);
guint               ferry_server_info_get_move_cooldown  (FerryServerInfo      *self);
guint               ferry_server_info_get_max_profile_fields (FerryServerInfo  *self);
guint               ferry_server_info_get_max_display_name   (FerryServerInfo  *self);
guint               ferry_server_info_get_max_note           (FerryServerInfo  *self);
guint               ferry_server_info_get_max_featured_tags  (FerryServerInfo  *self);
guint               ferry_server_info_get_max_characters     (FerryServerInfo  *self);
guint               ferry_server_info_get_max_pinned         (FerryServerInfo  *self);
JsonNode           *ferry_server_info_to_json            (FerryServerInfo      *self);

G_END_DECLS
