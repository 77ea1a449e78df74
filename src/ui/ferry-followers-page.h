/* ferry-followers-page.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ferry-move.h"

G_BEGIN_DECLS

#define FERRY_TYPE_FOLLOWERS_PAGE (ferry_followers_page_get_type ())

G_DECLARE_FINAL_TYPE (FerryFollowersPage, ferry_followers_page, FERRY, FOLLOWERS_PAGE, AdwBin)

void     ferry_followers_page_set_move         (FerryFollowersPage *self,
                                                FerryMove          *move);
guint    ferry_followers_page_get_n_stragglers (FerryFollowersPage *self);

G_END_DECLS
