/* ferry-community-guide.h: the member guide, with the community's servers and deadline
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "ferry-community.h"

G_BEGIN_DECLS

/* In the helper's language (the current locale). The HTML is one self-contained page (UTF-8,
 * no scripts, no outside resources); the markup is Pango markup for GTK printing (a
 * GtkPrintOperation laying it out with PangoLayout); the text is plain, for a post or a mail. */
char *ferry_community_guide_html   (FerryCommunity *community);
char *ferry_community_guide_markup (FerryCommunity *community);
char *ferry_community_guide_text   (FerryCommunity *community);
/* Writes the HTML to path (0600, in a 0700 folder made if missing). */
gboolean ferry_community_guide_save_html (FerryCommunity *community,
                                          const char     *path,
                                          GError        **error);

G_END_DECLS
