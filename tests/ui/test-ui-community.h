/* test-ui-community.h: the community journey, driven through its window
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fedisim.h"
#include "ferry-application.h"

G_BEGIN_DECLS

void ferry_ui_add_community_tests (FerryApplication    *app,
                                   FedisimWorld        *world,
                                   FerryAccountManager *manager);

G_END_DECLS
