/* fuzz-actor.c: an ActivityPub actor document in any shape
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include "ferry-actor.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  g_autoptr(GBytes) bytes = g_bytes_new (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryActor) actor = ferry_actor_new_from_bytes ("example.org", bytes, &error);

  g_assert ((actor == NULL) != (error == NULL));
  if (actor != NULL)
    {
      g_assert (ferry_actor_get_id (actor) != NULL);
      g_assert (ferry_actor_get_also_known_as (actor) != NULL);
      g_assert (!ferry_actor_is_also_known_as (actor, NULL));
    }
  return 0;
}
