/* ferry-tag.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define FERRY_TYPE_TAG (ferry_tag_get_type ())

G_DECLARE_FINAL_TYPE (FerryTag, ferry_tag, FERRY, TAG, GObject)

FerryTag *ferry_tag_new_from_json (const char  *host,
                                   JsonNode    *node,
                                   GError     **error);
JsonNode *ferry_tag_get_json (FerryTag *self);
const char *ferry_tag_get_name (FerryTag *self);
const char *ferry_tag_get_id (FerryTag *self);
const char *ferry_tag_get_url (FerryTag *self);

G_END_DECLS
