/* ferry-community-dialog.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ferry-account-manager.h"
#include "ferry-community-store.h"

G_BEGIN_DECLS

#define FERRY_TYPE_COMMUNITY_DIALOG (ferry_community_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FerryCommunityDialog, ferry_community_dialog, FERRY, COMMUNITY_DIALOG,
                      AdwWindow)

/* A new community: name, servers, deadline (with the two-week warning), the helper's accounts
 * when signed in (accounts nullable). On Create it is added to @store, "created"
 * (FerryCommunity) is emitted and the dialog closes. */
GtkWidget *ferry_community_dialog_new (FerryCommunityStore *store,
                                       FerryAccountManager *accounts);

G_END_DECLS
