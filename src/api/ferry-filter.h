/* ferry-filter.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define FERRY_TYPE_FILTER (ferry_filter_get_type ())

G_DECLARE_FINAL_TYPE (FerryFilter, ferry_filter, FERRY, FILTER, GObject)

FerryFilter *ferry_filter_new_from_json (const char  *host,
                                         JsonNode    *node,
                                         GError     **error);
JsonNode *ferry_filter_get_json (FerryFilter *self);
const char *ferry_filter_get_id (FerryFilter *self);
const char *ferry_filter_get_title (FerryFilter *self);
const char *ferry_filter_get_expires_at (FerryFilter *self);
const char *ferry_filter_get_action (FerryFilter *self);
const char * const *ferry_filter_get_context (FerryFilter *self);
guint               ferry_filter_get_n_keywords  (FerryFilter *self);
const char         *ferry_filter_get_keyword     (FerryFilter *self,
                                                  guint        index);
gboolean            ferry_filter_get_whole_word  (FerryFilter *self,
                                                  guint        index);
const char * const *ferry_filter_get_status_ids  (FerryFilter *self);

G_END_DECLS
