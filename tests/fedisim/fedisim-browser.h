/* fedisim-browser.h: the scripted browser's lower-level calls
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libsoup/soup.h>

#include "fedisim.h"

G_BEGIN_DECLS

FedisimBrowser *fedisim_browser_new_for_ca_file (const char *ca_file,
                                                 GError    **error);
GBytes *fedisim_browser_request (FedisimBrowser  *browser,
                                 const char      *method,
                                 const char      *url,
                                 const char      *token,
                                 const char      *content_type,
                                 GBytes          *body,
                                 guint           *status,
                                 SoupMessageHeaders **headers,
                                 GError         **error);
char   *fedisim_browser_visit   (FedisimBrowser  *browser,
                                 const char      *url,
                                 guint           *status,
                                 GError         **error);

G_END_DECLS
