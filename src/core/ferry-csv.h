/* ferry-csv.h
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

#define FERRY_CSV_ERROR (ferry_csv_error_quark ())

typedef enum
{
  FERRY_CSV_ERROR_NOT_TEXT,       /* not UTF-8, or a NUL byte */
  FERRY_CSV_ERROR_UNTERMINATED,   /* a quoted field that never ends */
  FERRY_CSV_ERROR_BAD_QUOTE,      /* a quote in the middle of an unquoted field */
  FERRY_CSV_ERROR_TOO_LARGE,
} FerryCsvError;

GQuark     ferry_csv_error_quark (void);
void       ferry_csv_append_row  (GString            *out,
                                  const char * const *fields,
                                  guint               n_fields);
GPtrArray *ferry_csv_parse       (const char         *text,
                                  gssize              length,
                                  GError            **error);

G_END_DECLS
