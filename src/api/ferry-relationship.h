/* ferry-relationship.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define FERRY_TYPE_RELATIONSHIP (ferry_relationship_get_type ())

G_DECLARE_FINAL_TYPE (FerryRelationship, ferry_relationship, FERRY, RELATIONSHIP, GObject)

FerryRelationship  *ferry_relationship_new_from_json          (const char        *host,
                                                              JsonNode          *node,
                                                              GError           **error);
JsonNode           *ferry_relationship_get_json               (FerryRelationship *self);
const char         *ferry_relationship_get_id                 (FerryRelationship *self);
gboolean            ferry_relationship_get_following          (FerryRelationship *self);
gboolean            ferry_relationship_get_showing_reblogs    (FerryRelationship *self);
gboolean            ferry_relationship_get_notifying          (FerryRelationship *self);
const char * const *ferry_relationship_get_languages          (FerryRelationship *self);
gboolean            ferry_relationship_get_followed_by        (FerryRelationship *self);
gboolean            ferry_relationship_get_blocking           (FerryRelationship *self);
gboolean            ferry_relationship_get_blocked_by         (FerryRelationship *self);
gboolean            ferry_relationship_get_muting             (FerryRelationship *self);
gboolean            ferry_relationship_get_muting_notifications (FerryRelationship *self);
gboolean            ferry_relationship_get_requested          (FerryRelationship *self);
gboolean            ferry_relationship_get_domain_blocking    (FerryRelationship *self);
gboolean            ferry_relationship_get_endorsed           (FerryRelationship *self);
const char         *ferry_relationship_get_note               (FerryRelationship *self);

FerryRelationship  *ferry_relationship_find                   (GPtrArray         *relationships,
                                                              const char        *id);

G_END_DECLS
