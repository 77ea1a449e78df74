/* ferry-list.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define FERRY_TYPE_LIST (ferry_list_get_type ())

G_DECLARE_FINAL_TYPE (FerryList, ferry_list, FERRY, LIST, GObject)

FerryList *ferry_list_new_from_json (const char  *host,
                                     JsonNode    *node,
                                     GError     **error);
JsonNode *ferry_list_get_json (FerryList *self);
const char *ferry_list_get_id (FerryList *self);
const char *ferry_list_get_title (FerryList *self);
const char *ferry_list_get_replies_policy (FerryList *self);
gboolean ferry_list_get_exclusive (FerryList *self);
gboolean ferry_list_has_exclusive (FerryList *self);

G_END_DECLS
