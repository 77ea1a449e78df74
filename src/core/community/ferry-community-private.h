/* ferry-community-private.h: for the community's loader
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ferry-community.h"

G_BEGIN_DECLS

void ferry_community_restore_identity (FerryCommunity               *self,
                                       const char                   *id,
                                       gint64                        created);
void ferry_community_restore_snapshot (FerryCommunity               *self,
                                       const FerryCommunitySnapshot *snapshot);

void ferry_community_recount          (FerryCommunity               *self);

G_END_DECLS
