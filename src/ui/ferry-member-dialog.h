/* ferry-member-dialog.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ferry-community.h"

G_BEGIN_DECLS

#define FERRY_TYPE_MEMBER_DIALOG (ferry_member_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FerryMemberDialog, ferry_member_dialog, FERRY, MEMBER_DIALOG, AdwWindow)

/* One member of @community: their state, baseline, sources, history; what the helper knows
 * (the expected new address, a note, opted out) is edited here and saved with the community. */
GtkWidget   *ferry_member_dialog_new        (FerryCommunity    *community,
                                             FerryMember       *member);
FerryMember *ferry_member_dialog_get_member (FerryMemberDialog *self);

G_END_DECLS
