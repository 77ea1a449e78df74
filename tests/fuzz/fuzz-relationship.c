/* fuzz-relationship.c: a Relationship entity in any shape
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ferry-relationship.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryRelationship) rel = NULL;

  if (!json_parser_load_from_data (parser, (const char *) data, size, NULL))
    return 0;
  rel = ferry_relationship_new_from_json ("example.org", json_parser_get_root (parser), &error);
  g_assert ((rel == NULL) != (error == NULL));
  if (rel != NULL)
    {
      const char * const *languages = ferry_relationship_get_languages (rel);

      g_assert (ferry_relationship_get_id (rel) != NULL);
      for (guint i = 0; languages != NULL && languages[i] != NULL; i++)
        g_assert (g_utf8_validate (languages[i], -1, NULL));
    }
  return 0;
}
