/* test-ui-flows.h: the transfer and the move, driven through their pages, for /ui/accounts
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fedisim.h"
#include "ferry-application.h"
#include "ferry-window.h"

G_BEGIN_DECLS

void ferry_ui_flows_init             (FerryApplication    *app,
                                      FedisimWorld        *world,
                                      FerryAccountManager *manager);
void ferry_ui_assert_paused          (GtkWidget           *page);
void ferry_ui_transfer_through_page  (FerryWindow         *window);
void ferry_ui_transfer_page_disposed (FedisimServer       *new);
void ferry_ui_move_through_page      (FerryWindow         *window,
                                      FedisimServer       *old,
                                      FedisimServer       *new);

G_END_DECLS
