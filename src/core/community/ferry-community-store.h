/* ferry-community-store.h: the communities a helper looks after, saved on disk
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ferry-community.h"

G_BEGIN_DECLS

#define FERRY_TYPE_COMMUNITY_STORE (ferry_community_store_get_type ())

/* A GListModel of FerryCommunity. Each is saved as <dir>/<id>.json (0600; the folder 0700),
 * soon after it emits "changed", and at ferry_community_store_flush(). */
G_DECLARE_FINAL_TYPE (FerryCommunityStore, ferry_community_store, FERRY, COMMUNITY_STORE, GObject)

/* dir: NULL for $XDG_DATA_HOME/ferry/communities. */
FerryCommunityStore *ferry_community_store_new     (const char          *dir);
const char          *ferry_community_store_get_dir (FerryCommunityStore *self);
/* Reads every saved community; a file that cannot be read is set aside (renamed *.bad) and
 * named in the error, the others still load. */
gboolean             ferry_community_store_load    (FerryCommunityStore *self,
                                                    GError             **error);
void                 ferry_community_store_add     (FerryCommunityStore *self,
                                                    FerryCommunity      *community);
gboolean             ferry_community_store_remove  (FerryCommunityStore *self,
                                                    FerryCommunity      *community,
                                                    GError             **error);
/* By id, or by name when no id matches (borrowed; NULL when none). */
FerryCommunity      *ferry_community_store_find    (FerryCommunityStore *self,
                                                    const char          *id_or_name);
char                *ferry_community_store_path_for (FerryCommunityStore *self,
                                                    FerryCommunity      *community);
/* Writes whatever changed, now (synchronously). */
gboolean             ferry_community_store_flush   (FerryCommunityStore *self,
                                                    GError             **error);

G_END_DECLS
