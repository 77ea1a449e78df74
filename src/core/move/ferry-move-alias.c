/* ferry-move-alias.c: whether the alias is there
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * Each server family shows the alias in its own place (ferry_move_backend_read_alias_async():
 * GoToSocial in verify_credentials, Akkoma in its alias list, any other only in the actor,
 * which a server with authorized fetch refuses to unsigned requests: then only the person
 * can say, api-facts §7, §8).
 */

#define G_LOG_DOMAIN "ferry-move"

#include "config.h"

#include "ferry-move-private.h"

static void
alias_read_cb (GObject      *object,
               GAsyncResult *result,
               gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  g_autoptr(GError) error = NULL;
  int seen = ferry_move_backend_read_alias_finish (FERRY_MOVE_BACKEND (object), result, &error);

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, seen);
}

void
ferry_move_alias_seen_async (FerryMove           *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *target_storage = NULL;
  g_autofree char *origin_storage = NULL;

  /* The backend of the target as its probe shows it now: the kind may be known only since. */
  ferry_move_backend_read_alias_async (ferry_move_side_backend (self->target),
                                       ferry_move_side_uri (self->target, &target_storage),
                                       ferry_move_side_uri (self->origin, &origin_storage),
                                       self->origin->acct, cancellable, alias_read_cb, task);
}

/* 1: the alias is there; 0: it is not; -1: the server does not show it. */
int
ferry_move_alias_seen_finish (FerryMove     *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_autoptr(GError) local = NULL;
  int seen = (int) g_task_propagate_int (G_TASK (result), &local);

  if (local != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local));
      return 0;
    }
  return seen;
}

/**
 * ferry_move_confirm_alias:
 *
 * The person says the alias is made, where the server does not show it (authorized fetch).
 */
void
ferry_move_confirm_alias (FerryMove *self)
{
  g_return_if_fail (FERRY_IS_MOVE (self));

  self->alias_confirmed = TRUE;
  ferry_move_save (self);
  ferry_move_evaluate (self);
}
