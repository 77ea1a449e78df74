/* ferry-member-row.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "ferry-member.h"

G_BEGIN_DECLS

#define FERRY_TYPE_MEMBER_ROW (ferry_member_row_get_type ())

G_DECLARE_FINAL_TYPE (FerryMemberRow, ferry_member_row, FERRY, MEMBER_ROW, GtkBox)

GtkWidget   *ferry_member_row_new        (void);
/* The member the row shows (NULL while the list item is unbound); the row follows it. */
void         ferry_member_row_set_member (FerryMemberRow *self,
                                          FerryMember    *member);
FerryMember *ferry_member_row_get_member (FerryMemberRow *self);

G_END_DECLS
