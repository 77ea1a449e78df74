/* ferry-actor.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

#define FERRY_TYPE_ACTOR (ferry_actor_get_type ())

G_DECLARE_FINAL_TYPE (FerryActor, ferry_actor, FERRY, ACTOR, GObject)

FerryActor         *ferry_actor_new_from_json         (const char  *host,
                                                       JsonNode    *node,
                                                       GError     **error);
FerryActor         *ferry_actor_new_from_bytes        (const char  *host,
                                                       GBytes      *bytes,
                                                       GError     **error);
const char         *ferry_actor_get_id                (FerryActor  *self);
const char         *ferry_actor_get_preferred_username (FerryActor *self);
const char * const *ferry_actor_get_also_known_as     (FerryActor  *self);
const char         *ferry_actor_get_moved_to          (FerryActor  *self);
gboolean            ferry_actor_is_also_known_as      (FerryActor  *self,
                                                       const char  *uri);

G_END_DECLS
