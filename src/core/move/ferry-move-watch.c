/* ferry-move-watch.c: after the move: follower counts over time, and who stayed behind
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The followers' servers move their follows when the Move reaches them, over minutes or
 * days. Samples of both accounts' follower counts are kept (one JSON file per move in the
 * user data folder, with the followers the origin had before the move: the old server
 * refuses most reading once it has moved), and the stragglers are the followers from
 * before who are not on the new account, each with the likely reason.
 *
 * Persistence reader: the move's state file (ferry_move_save()).
 */

#define G_LOG_DOMAIN "ferry-move"

#include "config.h"

#include <errno.h>
#include <glib/gi18n.h>
#include <glib/gstdio.h>
#include <string.h>

#include "ferry-api-error.h"
#include "ferry-csv.h"
#include "ferry-move-private.h"
#include "ferry-private-file.h"

static char *
state_path (FerryMove *self)
{
  g_autofree char *name = g_strdup_printf ("%s-to-%s.json", self->origin->acct, self->target->acct);

  g_strdelimit (name, "/\\:", '_');
  return g_build_filename (self->state_dir, name, NULL);
}

/* persistence reader: what a state file (ferry_move_save()) holds, whatever shape it is in:
 * members of the wrong type are skipped. */
static gint64
int_of (JsonNode *node,
        gint64    fallback)
{
  return node != NULL && JSON_NODE_HOLDS_VALUE (node)
             && json_node_get_value_type (node) == G_TYPE_INT64
           ? json_node_get_int (node)
           : fallback;
}

/* persistence reader: the move's own state file, as ferry_move_save() wrote it */
void
ferry_move_load_state (FerryMove *self)
{
  g_autofree char *path = NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonNode *root_node;
  JsonObject *root;
  JsonArray *array;
  JsonNode *node;

  if (self->origin == NULL || self->origin->acct == NULL || self->target->acct == NULL)
    return;
  path = state_path (self);
  if (!json_parser_load_from_file (parser, path, NULL)
      || ferry_api_json_root_object (parser) == NULL)
    return;   /* none, empty (no root) or unreadable: nothing known yet */
  root_node = json_parser_get_root (parser);
  root = json_node_get_object (root_node);
  self->moved_at = int_of (json_object_get_member (root, "moved_at"), 0);
  node = json_object_get_member (root, "alias_confirmed");
  self->alias_confirmed = node != NULL && JSON_NODE_HOLDS_VALUE (node)
                          && json_node_get_value_type (node) == G_TYPE_BOOLEAN
                          && json_node_get_boolean (node);

  node = ferry_move_member (root_node, "followers", JSON_NODE_ARRAY);
  array = node ? json_node_get_array (node) : NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      const char *acct = ferry_move_string_of (json_array_get_element (array, i));

      if (acct != NULL && strchr (acct, '@') != NULL)
        g_ptr_array_add (self->followers, g_strdup (acct));
    }

  node = ferry_move_member (root_node, "servers", JSON_NODE_ARRAY);
  array = node ? json_node_get_array (node) : NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonObject *entry = JSON_NODE_HOLDS_OBJECT (element) ? json_node_get_object (element) : NULL;
      const char *host =
        entry ? ferry_move_string_of (json_object_get_member (entry, "host")) : NULL;
      FerryMoveServer *server;

      if (host == NULL)
        continue;
      server = ferry_move_server_new (host);
      server->software =
        g_strdup (ferry_move_string_of (json_object_get_member (entry, "software")));
      server->fate =
        CLAMP (int_of (json_object_get_member (entry, "fate"), FERRY_MOVE_FATE_OFFLINE),
               FERRY_MOVE_FATE_FOLLOWS, FERRY_MOVE_FATE_REFUSES_ORIGIN);
      g_hash_table_replace (self->servers, server->host, server);
    }

  node = ferry_move_member (root_node, "samples", JSON_NODE_ARRAY);
  array = node ? json_node_get_array (node) : NULL;
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *element = json_array_get_element (array, i);
      JsonArray *row = JSON_NODE_HOLDS_ARRAY (element) ? json_node_get_array (element) : NULL;
      FerryMoveSample sample;

      if (row == NULL || json_array_get_length (row) != 3)
        continue;
      sample.time = int_of (json_array_get_element (row, 0), 0);
      sample.old_followers = int_of (json_array_get_element (row, 1), -1);
      sample.new_followers = int_of (json_array_get_element (row, 2), -1);
      g_array_append_val (self->samples, sample);
    }
}

static char *
state_text (FerryMove *self)
{
  g_autoptr(JsonBuilder) builder = json_builder_new ();
  g_autoptr(JsonNode) root = NULL;
  GHashTableIter iter;
  FerryMoveServer *server;

  json_builder_begin_object (builder);
  json_builder_set_member_name (builder, "origin");
  json_builder_add_string_value (builder, self->origin->acct);
  json_builder_set_member_name (builder, "target");
  json_builder_add_string_value (builder, self->target->acct);
  json_builder_set_member_name (builder, "moved_at");
  json_builder_add_int_value (builder, self->moved_at);
  json_builder_set_member_name (builder, "alias_confirmed");
  json_builder_add_boolean_value (builder, self->alias_confirmed);
  json_builder_set_member_name (builder, "followers");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->followers->len; i++)
    json_builder_add_string_value (builder, g_ptr_array_index (self->followers, i));
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "servers");
  json_builder_begin_array (builder);
  g_hash_table_iter_init (&iter, self->servers);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &server))
    {
      json_builder_begin_object (builder);
      json_builder_set_member_name (builder, "host");
      json_builder_add_string_value (builder, server->host);
      json_builder_set_member_name (builder, "software");
      json_builder_add_string_value (builder, server->software);
      json_builder_set_member_name (builder, "fate");
      json_builder_add_int_value (builder, server->fate);
      json_builder_end_object (builder);
    }
  json_builder_end_array (builder);
  json_builder_set_member_name (builder, "samples");
  json_builder_begin_array (builder);
  for (guint i = 0; i < self->samples->len; i++)
    {
      FerryMoveSample *sample = &g_array_index (self->samples, FerryMoveSample, i);

      json_builder_begin_array (builder);
      json_builder_add_int_value (builder, sample->time);
      json_builder_add_int_value (builder, sample->old_followers);
      json_builder_add_int_value (builder, sample->new_followers);
      json_builder_end_array (builder);
    }
  json_builder_end_array (builder);
  json_builder_end_object (builder);

  root = json_builder_get_root (builder);
  return json_to_string (root, FALSE);
}

/* Written whole, atomically: a crash leaves the last good copy. While an asynchronous write
 * is under way, this one follows it instead (the two would share the part file). */
void
ferry_move_save (FerryMove *self)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = state_path (self);
  g_autofree char *text = NULL;

  if (self->saving)
    {
      self->save_again = TRUE;
      return;
    }
  text = state_text (self);
  if (g_mkdir_with_parents (self->state_dir, 0700) != 0 ||
      !ferry_private_file_write (path, text, -1, &error))
    g_warning ("Could not keep the move’s state in %s: %s", path,
               error ? error->message : g_strerror (errno));
}

typedef struct
{
  FerryMove *move;
  GPtrArray *waiters;   /* GTask */
  char      *path;
} Saving;

static void save_start (FerryMove *self);

static void
saved_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  Saving *saving = user_data;
  FerryMove *self = saving->move;
  g_autoptr(GError) error = NULL;

  if (!ferry_private_file_write_finish (result, &error))
    g_warning ("Could not keep the move’s state in %s: %s", saving->path, error->message);
  self->saving = FALSE;
  /* As the synchronous save: a state that could not be kept is told, not a failure. */
  for (guint i = 0; i < saving->waiters->len; i++)
    {
      GTask *task = g_ptr_array_index (saving->waiters, i);

      g_task_return_boolean (task, TRUE);
      g_object_unref (task);
    }
  if (self->save_again)
    save_start (self);
  g_ptr_array_unref (saving->waiters);
  g_free (saving->path);
  g_object_unref (saving->move);
  g_free (saving);
}

static void
save_start (FerryMove *self)
{
  Saving *saving = g_new0 (Saving, 1);
  g_autofree char *text = state_text (self);
  gsize length = strlen (text);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GTask) failed = NULL;
  int saved;

  saving->move = g_object_ref (self);
  saving->waiters = g_steal_pointer (&self->save_waiters);
  saving->path = state_path (self);
  self->save_waiters = g_ptr_array_new ();
  self->saving = TRUE;
  self->save_again = FALSE;
  if (g_mkdir_with_parents (self->state_dir, 0700) != 0)
    {
      saved = errno;
      failed = g_task_new (NULL, NULL, saved_cb, saving);
      g_task_return_new_error (failed, G_IO_ERROR, g_io_error_from_errno (saved), "%s",
                               g_strerror (saved));
      return;
    }
  bytes = g_bytes_new_take (g_steal_pointer (&text), length);
  ferry_private_file_write_async (saving->path, bytes, NULL, saved_cb, saving);
}

/* ferry_move_save() off the main thread: @callback once the state as it is now is on disk
 * (or could not be kept, which is only warned about). Writes never overlap: one asked for
 * during a write follows it, with the state as it is then. */
void
ferry_move_save_async (FerryMove           *self,
                       GAsyncReadyCallback  callback,
                       gpointer             user_data)
{
  g_ptr_array_add (self->save_waiters, g_task_new (self, NULL, callback, user_data));
  if (self->saving)
    self->save_again = TRUE;
  else
    save_start (self);
}

/* Samples */

typedef struct
{
  guint pending;
} Sampling;

static void
sample_saved_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;

  g_task_propagate_boolean (G_TASK (result), NULL);
  g_task_return_boolean (task, TRUE);
}

static void
sample_looked_up_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GTask *task = user_data;
  FerryMove *self = FERRY_MOVE (object);
  Sampling *sampling = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  FerryMoveSample sample;

  if (!ferry_move_side_lookup_finish (self, result, &error))
    g_debug ("a follower count could not be read: %s", error->message);
  if (--sampling->pending > 0)
    return;

  if (!g_task_return_error_if_cancelled (task))
    {
      sample.time = g_get_real_time () / G_USEC_PER_SEC;
      sample.old_followers =
        self->old_side.account ? ferry_account_get_followers (self->old_side.account) : -1;
      sample.new_followers =
        self->new_side.account ? ferry_account_get_followers (self->new_side.account) : -1;
      g_array_append_val (self->samples, sample);
      ferry_move_note_moved (self, sample.time);
      ferry_move_evaluate (self);
      ferry_move_save_async (self, sample_saved_cb, task);
      return;
    }
  g_object_unref (task);
}

/**
 * ferry_move_sample_async:
 *
 * Reads both accounts' follower counts (their public profiles: this works after the move
 * too) and keeps them as a sample.
 */
void
ferry_move_sample_async (FerryMove           *self,
                         GCancellable        *cancellable,
                         GAsyncReadyCallback  callback,
                         gpointer             user_data)
{
  GTask *task;
  Sampling *sampling = g_new0 (Sampling, 1);

  g_return_if_fail (FERRY_IS_MOVE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_move_sample_async);
  g_task_set_task_data (task, sampling, g_free);
  sampling->pending = 2;
  ferry_move_side_lookup_async (self, &self->old_side, cancellable, sample_looked_up_cb, task);
  ferry_move_side_lookup_async (self, &self->new_side, cancellable, sample_looked_up_cb, task);
}

gboolean
ferry_move_sample_finish (FerryMove     *self,
                          GAsyncResult  *result,
                          GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), FALSE);

  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * ferry_move_get_samples:
 *
 * Returns: (transfer none) (element-type FerryMoveSample): every sample, oldest first
 */
GArray *
ferry_move_get_samples (FerryMove *self)
{
  g_return_val_if_fail (FERRY_IS_MOVE (self), NULL);

  return self->samples;
}

/**
 * ferry_move_get_moved_at:
 *
 * Returns: when Ferry first saw the move (Unix seconds), or 0
 */
gint64
ferry_move_get_moved_at (FerryMove *self)
{
  g_return_val_if_fail (FERRY_IS_MOVE (self), 0);

  return self->moved_at;
}

/* Stragglers */

typedef struct
{
  GHashTable *on_target;     /* acct → 1 follows, 2 requested */
  GHashTable *on_origin;
  guint       step;
} Stragglers;

static void
stragglers_free (Stragglers *s)
{
  g_hash_table_unref (s->on_target);
  g_hash_table_unref (s->on_origin);
  g_free (s);
}

static void
straggler_free (FerryMoveStraggler *straggler)
{
  g_free (straggler->acct);
  g_free (straggler->host);
  g_free (straggler->reason);
  g_free (straggler);
}

static char *
reason_for (FerryMove  *self,
            Stragglers *s,
            const char *acct,
            const char *host)
{
  FerryMoveServer *server = g_hash_table_lookup (self->servers, host);
  gboolean stays = g_hash_table_contains (s->on_origin, acct);

  if (GPOINTER_TO_INT (g_hash_table_lookup (s->on_target, acct)) == 2)
    return g_strdup_printf (_("Follow request waiting: %s is locked; approve the request there"),
                            self->target->acct);
  if (server != NULL && server->fate == FERRY_MOVE_FATE_IGNORES)
    return g_strdup_printf (_("Their server (%s) ignores moves: they have to follow the new "
                              "account themselves"),
                            server->software);
  if (server != NULL && server->fate == FERRY_MOVE_FATE_REFUSES_ORIGIN)
    return g_strdup_printf (_("Their server (%s) is known to refuse a move from the old account’s "
                              "server: "
                              "they have to follow the new account themselves"),
                            server->software);
  if (server != NULL && server->fate == FERRY_MOVE_FATE_OFFLINE)
    return g_strdup (
      _("Their server did not answer: it may still act on the move when it is back"));
  if (stays && server != NULL && server->fate == FERRY_MOVE_FATE_IF_ALLOWED)
    return g_strdup_printf (_("Their server (%s) moves followers only if they allowed it in their "
                              "settings"),
                            server->software);
  if (stays)
    return g_strdup (
      _("Still follows the old account: their server has not acted on the move yet"));
  return g_strdup (_("Follows neither account now"));
}

static int
by_host (gconstpointer a,
         gconstpointer b)
{
  const FerryMoveStraggler *x = *(FerryMoveStraggler * const *) a;
  const FerryMoveStraggler *y = *(FerryMoveStraggler * const *) b;
  int order = g_strcmp0 (x->host, y->host);

  return order != 0 ? order : g_strcmp0 (x->acct, y->acct);
}

static void stragglers_next (GTask *task);

static void
listed_cb (GObject      *object,
           GAsyncResult *result,
           gpointer      user_data)
{
  GTask *task = user_data;
  FerryMove *self = g_task_get_source_object (task);
  Stragglers *s = g_task_get_task_data (task);
  FerryMoveSide *side = s->step == 2 ? self->origin : self->target;
  GHashTable *into = s->step == 2 ? s->on_origin : s->on_target;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = ferry_move_backend_list_finish (FERRY_MOVE_BACKEND (object),
                                                                  result, &error);

  if (accounts == NULL &&
      (s->step == 1 || g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED)))
    {
      g_task_return_error (task, g_steal_pointer (&error));
      g_object_unref (task);
      return;
    }
  for (guint i = 0; accounts != NULL && i < accounts->len; i++)
    {
      const char *acct = ferry_account_get_acct (g_ptr_array_index (accounts, i));

      g_hash_table_insert (into, ferry_move_normalize_acct (acct, side->handle->host),
                           GINT_TO_POINTER (s->step == 3 ? 2 : 1));
    }
  if (error != NULL)
    g_debug ("stragglers: %s", error->message);   /* follow requests or the old list: optional */
  stragglers_next (task);
}

static void
stragglers_next (GTask *task)
{
  FerryMove *self = g_task_get_source_object (task);
  Stragglers *s = g_task_get_task_data (task);
  GCancellable *cancellable = g_task_get_cancellable (task);
  GPtrArray *result;

  switch (++s->step)
    {
    case 1:   /* who follows the account moved to */
      ferry_move_backend_list_followers_async (ferry_move_side_backend (self->target),
                                               ferry_account_get_id (self->target->account),
                                               cancellable, listed_cb, task);
      return;
    case 2:   /* who still follows the account moved from (public, after the move too) */
      ferry_move_backend_list_followers_async (ferry_move_side_backend (self->origin),
                                               ferry_account_get_id (self->origin->account),
                                               cancellable, listed_cb, task);
      return;
    case 3:   /* who asked to follow a locked account */
      ferry_move_backend_list_follow_requests_async (ferry_move_side_backend (self->target),
                                                     cancellable, listed_cb, task);
      return;
    default:
      break;
    }

  result = g_ptr_array_new_with_free_func ((GDestroyNotify) straggler_free);
  for (guint i = 0; i < self->followers->len; i++)
    {
      const char *acct = g_ptr_array_index (self->followers, i);
      FerryMoveStraggler *straggler;

      if (GPOINTER_TO_INT (g_hash_table_lookup (s->on_target, acct)) == 1 ||
          g_ascii_strcasecmp (acct, self->target->acct) == 0)
        continue;
      straggler = g_new0 (FerryMoveStraggler, 1);
      straggler->acct = g_strdup (acct);
      straggler->host = g_strdup (strchr (acct, '@') + 1);
      straggler->reason = reason_for (self, s, acct, straggler->host);
      g_ptr_array_add (result, straggler);
    }
  g_ptr_array_sort (result, by_host);
  g_task_return_pointer (task, result, (GDestroyNotify) g_ptr_array_unref);
  g_object_unref (task);
}

/**
 * ferry_move_stragglers_async:
 *
 * Compares the followers from before the move with the new account's followers and follow
 * requests. After a ferry_move_refresh_async().
 */
void
ferry_move_stragglers_async (FerryMove           *self,
                             GCancellable        *cancellable,
                             GAsyncReadyCallback  callback,
                             gpointer             user_data)
{
  GTask *task;
  Stragglers *s;

  g_return_if_fail (FERRY_IS_MOVE (self));

  task = g_task_new (self, cancellable, callback, user_data);
  g_task_set_source_tag (task, ferry_move_stragglers_async);
  if (self->origin->account == NULL || self->target->account == NULL)
    {
      g_task_return_new_error (task, G_IO_ERROR, G_IO_ERROR_NOT_INITIALIZED,
                               _("Ferry has not read the accounts yet."));
      g_object_unref (task);
      return;
    }
  s = g_new0 (Stragglers, 1);
  s->on_target = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  s->on_origin = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_task_set_task_data (task, s, (GDestroyNotify) stragglers_free);
  stragglers_next (task);
}

/**
 * ferry_move_stragglers_finish:
 *
 * Returns: (transfer full) (element-type FerryMoveStraggler): the followers not on the new
 *   account, by server
 */
GPtrArray *
ferry_move_stragglers_finish (FerryMove     *self,
                              GAsyncResult  *result,
                              GError       **error)
{
  g_return_val_if_fail (g_task_is_valid (result, self), NULL);

  return g_task_propagate_pointer (G_TASK (result), error);
}

/**
 * ferry_move_export_stragglers:
 *
 * Writes the stragglers as CSV: account, server, reason.
 */
gboolean
ferry_move_export_stragglers (GPtrArray   *stragglers,
                              const char  *path,
                              GError     **error)
{
  g_autoptr(GString) csv = g_string_new ("Account address,Server,Reason\n");

  for (guint i = 0; i < stragglers->len; i++)
    {
      FerryMoveStraggler *straggler = g_ptr_array_index (stragglers, i);
      const char *row[] = { straggler->acct, straggler->host, straggler->reason };

      ferry_csv_append_row (csv, row, G_N_ELEMENTS (row));
    }
  return ferry_private_file_write (path, csv->str, (gssize) csv->len, error);
}

/**
 * ferry_move_get_announcement:
 *
 * Returns: (transfer full): a post for the person to publish, asking the followers their
 *   servers did not move to follow the new account
 */
char *
ferry_move_get_announcement (FerryMove *self)
{
  g_return_val_if_fail (FERRY_IS_MOVE (self), NULL);

  return g_strdup_printf (_("I have moved from @%s to @%s. Most follows moved by themselves; if "
                            "you "
                            "followed @%s and my posts stopped reaching you, your server did not "
                            "move your follow: please follow @%s. Thank you!"),
                          self->origin->acct, self->target->acct, self->origin->acct,
                          self->target->acct);
}
