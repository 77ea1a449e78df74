/* fuzz-list.c: a List entity in any shape
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ferry-list.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryList) model = NULL;

  if (!json_parser_load_from_data (parser, (const char *) data, size, NULL))
    return 0;
  model = ferry_list_new_from_json ("example.org", json_parser_get_root (parser), &error);
  g_assert ((model == NULL) != (error == NULL));
  if (model != NULL)
    {
      g_assert (ferry_list_get_id (model) != NULL);
    }
  return 0;
}
