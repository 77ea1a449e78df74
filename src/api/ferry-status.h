/* ferry-status.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define FERRY_TYPE_STATUS (ferry_status_get_type ())

G_DECLARE_FINAL_TYPE (FerryStatus, ferry_status, FERRY, STATUS, GObject)

FerryStatus *ferry_status_new_from_json (const char  *host,
                                         JsonNode    *node,
                                         GError     **error);
JsonNode *ferry_status_get_json (FerryStatus *self);
const char *ferry_status_get_id (FerryStatus *self);
const char *ferry_status_get_uri (FerryStatus *self);
const char *ferry_status_get_url (FerryStatus *self);
const char *ferry_status_get_created_at (FerryStatus *self);
const char *ferry_status_get_edited_at (FerryStatus *self);
const char *ferry_status_get_account_acct (FerryStatus *self);
gboolean    ferry_status_get_bookmarked   (FerryStatus *self);
guint       ferry_status_get_n_media       (FerryStatus *self);
const char *ferry_status_get_media_id      (FerryStatus *self,
                                            guint        index);
const char *ferry_status_get_media_url     (FerryStatus *self,
                                            guint        index);
JsonObject *ferry_status_dup_archive       (FerryStatus        *self,
                                            const char * const *local_files,
                                            guint               n_files);

G_END_DECLS
