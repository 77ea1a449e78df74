/* ferry-cli-output.h: what a server sent, safe to print; and no wait without words
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

void        ferry_cli_output_init (void);
const char *ferry_cli_safe        (const char *text);
const char *ferry_cli_safe_lines  (const char *text);
void        ferry_cli_print_json  (const char *json);
void        ferry_cli_clear_line  (void);
void        ferry_cli_output_set_give_up (guint seconds);

G_END_DECLS
