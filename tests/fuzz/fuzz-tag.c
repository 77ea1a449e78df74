/* fuzz-tag.c: a Tag entity in any shape
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ferry-tag.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryTag) model = NULL;

  if (!json_parser_load_from_data (parser, (const char *) data, size, NULL))
    return 0;
  model = ferry_tag_new_from_json ("example.org", json_parser_get_root (parser), &error);
  g_assert ((model == NULL) != (error == NULL));
  if (model != NULL)
    {
      g_assert (ferry_tag_get_name (model) != NULL);
    }
  return 0;
}
