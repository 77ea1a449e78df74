/* test-ui-community.h: the community journey, driven through its window
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "fedisim.h"
#include "ferry-application.h"
#include "ferry-community-journey.h"
#include "ferry-window.h"

G_BEGIN_DECLS

void ferry_ui_add_community_tests (FerryApplication    *app,
                                   FedisimWorld        *world,
                                   FerryAccountManager *manager);

/* Shared by the community tests */
void                   ferry_ui_community_clear_store   (void);
FerryWindow           *ferry_ui_community_open_journey  (void);
FerryCommunityJourney *ferry_ui_community_journey_of    (FerryWindow   *window);
gboolean               ferry_ui_community_is_roster     (GtkWidget     *widget,
                                                         gconstpointer  data);
void                   ferry_ui_add_community_large_test (FerryApplication *app);
void                   ferry_ui_add_community_posting_test (FerryApplication *app,
                                                            FedisimWorld     *world);

G_END_DECLS
