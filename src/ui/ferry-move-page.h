/* ferry-move-page.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ferry-account-manager.h"
#include "ferry-move.h"

G_BEGIN_DECLS

#define FERRY_TYPE_MOVE_PAGE (ferry_move_page_get_type ())

G_DECLARE_FINAL_TYPE (FerryMovePage, ferry_move_page, FERRY, MOVE_PAGE, AdwBin)

void       ferry_move_page_set_manager   (FerryMovePage       *self,
                                          FerryAccountManager *manager);
void       ferry_move_page_set_direction (FerryMovePage       *self,
                                          FerryMoveDirection   direction);
FerryMove *ferry_move_page_get_move      (FerryMovePage       *self);

G_END_DECLS
