/* ferry-announce-dialog.h: the community's announcement, read and edited before it goes out
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "ferry-community.h"

G_BEGIN_DECLS

#define FERRY_TYPE_ANNOUNCE_DIALOG (ferry_announce_dialog_get_type ())

G_DECLARE_FINAL_TYPE (FerryAnnounceDialog, ferry_announce_dialog, FERRY, ANNOUNCE_DIALOG,
                      AdwWindow)

/* Shows @text (composed for the posting server's max_chars) for the helper to edit. Post
 * emits "post" (const char *text, gboolean unlisted, gboolean reminders) and closes. */
GtkWidget  *ferry_announce_dialog_new           (FerryCommunity      *community,
                                                 const char          *text,
                                                 guint                max_chars);
char       *ferry_announce_dialog_get_text      (FerryAnnounceDialog *self);
gboolean    ferry_announce_dialog_get_unlisted  (FerryAnnounceDialog *self);
gboolean    ferry_announce_dialog_get_reminders (FerryAnnounceDialog *self);

G_END_DECLS
