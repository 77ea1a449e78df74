/* fuzz-move-state.c: what a move keeps on disk (followers, servers, samples) in any shape,
 * and any server answer to an alias or a move, as each family's backend reads it
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gstdio.h>

#include "ferry-api-error.h"
#include "ferry-move-backend-akkoma.h"
#include "ferry-move-backend-gts.h"
#include "ferry-move-backend-mastodon.h"
#include "ferry-move.h"

int LLVMFuzzerTestOneInput (const guint8 *data,
                            size_t        size);

int
LLVMFuzzerTestOneInput (const guint8 *data,
                        size_t        size)
{
  static char *dir;
  static FerryClient *old_client;
  static FerryClient *new_client;
  static FerryMoveBackend *backends[4];
  static const guint statuses[] = { 200, 400, 404, 422, 429 };
  g_autofree char *path = NULL;
  g_autofree char *text = g_strndup ((const char *) data, size);
  g_autofree char *post = NULL;
  g_autoptr(FerryMove) move = NULL;
  GArray *samples;

  if (dir == NULL)
    {
      dir = g_dir_make_tmp ("ferry-fuzz-move-XXXXXX", NULL);
      g_setenv ("XDG_DATA_HOME", dir, TRUE);
      old_client = ferry_client_new ("https://old.example", NULL);
      new_client = ferry_client_new ("https://new.example", NULL);
      backends[0] = ferry_move_backend_new (old_client, NULL, "a@old.example");
      backends[1] = g_object_new (FERRY_TYPE_MOVE_BACKEND_GTS, "client", old_client, NULL);
      backends[2] = g_object_new (FERRY_TYPE_MOVE_BACKEND_AKKOMA, "client", old_client, NULL);
      backends[3] = g_object_new (FERRY_TYPE_MOVE_BACKEND_MASTODON, "client", old_client, NULL);
    }
  path = g_build_filename (dir, "a@old.example-to-b@new.example.json", NULL);
  g_assert (g_file_set_contents (path, (const char *) data, (gssize) size, NULL));

  move = ferry_move_new (old_client, "a@old.example", new_client, "b@new.example", FERRY_MOVE_FORWARD);
  ferry_move_set_state_dir (move, dir);
  samples = ferry_move_get_samples (move);
  g_assert (samples != NULL);
  g_assert (ferry_move_get_forecast (move) != NULL);
  post = ferry_move_get_announcement (move);
  g_assert (post != NULL);
  for (guint i = 0; i < G_N_ELEMENTS (backends); i++)
    for (guint j = 0; j < G_N_ELEMENTS (statuses); j++)
      {
        GError *answer = ferry_api_error_new_for_response ("old.example", statuses[j],
                                                           "application/json", text, size);
        g_autoptr(GError) error = ferry_move_error_new_refusal (backends[i], answer, 0);

        g_assert (error->domain == FERRY_MOVE_ERROR && error->message[0] != '\0');
      }
  g_unlink (path);
  return 0;
}
