/* ferry-done-page.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ferry-move.h"

G_BEGIN_DECLS

#define FERRY_TYPE_DONE_PAGE (ferry_done_page_get_type ())

G_DECLARE_FINAL_TYPE (FerryDonePage, ferry_done_page, FERRY, DONE_PAGE, AdwBin)

void ferry_done_page_set_move (FerryDonePage *self,
                               FerryMove     *move);

G_END_DECLS
