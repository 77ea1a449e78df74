/* ferry-move-forecast.c: where the origin's followers are, and what their servers will do
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The forecast groups the origin's followers by server and asks each server once what it
 * is: Mastodon-like servers follow the Move, some software ignores it, an offline server
 * cannot.
 *
 * Persistence reader: followers.json of Ferry's own backup.
 */

#define G_LOG_DOMAIN "ferry-move"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ferry-csv.h"
#include "ferry-move-private.h"
#include "ferry-private-file.h"

#define MAX_PROBES 6

FerryMoveServer *
ferry_move_server_new (const char *host)
{
  FerryMoveServer *server = g_new0 (FerryMoveServer, 1);

  server->host = g_strdup (host);
  server->fate = FERRY_MOVE_FATE_OFFLINE;
  return server;
}

void
ferry_move_server_free (FerryMoveServer *server)
{
  g_free (server->host);
  g_free (server->software);
  g_free (server);
}

const char *
ferry_move_fate_text (FerryMoveFate fate)
{
  switch (fate)
    {
    case FERRY_MOVE_FATE_FOLLOWS:
      return _("Follows the move");
    case FERRY_MOVE_FATE_IF_ALLOWED:
      return _("Follows the move if each follower allowed it in their settings");
    case FERRY_MOVE_FATE_IGNORES:
      return _("Ignores moves: followers there must follow the new account themselves");
    case FERRY_MOVE_FATE_REFUSES_ORIGIN:
      return _("Takes moves, but is known to refuse one from the old account’s server: followers "
               "there must follow the new account themselves");
    case FERRY_MOVE_FATE_OFFLINE:
    default:
      return _("Did not answer: offline, or gone");
    }
}

/* The forecast */

typedef struct
{
  GQueue  hosts;
  guint   in_flight;
} Forecast;

static void
forecast_free (Forecast *forecast)
{
  g_queue_clear_full (&forecast->hosts, g_free);
  g_free (forecast);
}

static int
by_followers (gconstpointer a,
              gconstpointer b)
{
  const FerryMoveServer *x = *(FerryMoveServer * const *) a;
  const FerryMoveServer *y = *(FerryMoveServer * const *) b;

  if (x->followers != y->followers)
    return x->followers > y->followers ? -1 : 1;
  return g_strcmp0 (x->host, y->host);
}

static void
forecast_build (FerryMove *self)
{
  GHashTableIter iter;
  FerryMoveServer *server;

  g_hash_table_iter_init (&iter, self->servers);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &server))
    server->followers = 0;
  for (guint i = 0; i < self->followers->len; i++)
    {
      const char *host = strchr (g_ptr_array_index (self->followers, i), '@') + 1;

      server = g_hash_table_lookup (self->servers, host);
      if (server != NULL)
        server->followers++;
    }
  g_ptr_array_set_size (self->forecast, 0);
  g_hash_table_iter_init (&iter, self->servers);
  while (g_hash_table_iter_next (&iter, NULL, (gpointer *) &server))
    if (server->followers > 0)
      g_ptr_array_add (self->forecast, server);
  g_ptr_array_sort (self->forecast, by_followers);
}

/* Pairs known not to work: snac refuses GoToSocial's Move, as it expects the signing key
 * id as actor#fragment and GoToSocial's is actor/main-key (observed with snac 2.94, which
 * logs "mismatched old_account … and key …": observed-servers.md). */
static gboolean
refuses_move_from (FerryServerInfo *follower,
                   FerryServerInfo *origin)
{
  return origin != NULL && g_str_equal (ferry_server_info_get_software (follower), "snac") &&
         g_str_equal (ferry_server_info_get_software (origin), "gotosocial");
}

static void
server_set_info (FerryMoveServer *server,
                 FerryServerInfo *info,
                 FerryServerInfo *origin)
{
  g_free (server->software);
  server->software = g_strdup_printf ("%s %s", ferry_server_info_get_software_name (info),
                                      ferry_server_info_get_version (info));
  if (!ferry_server_info_honours_move (info))
    server->fate = FERRY_MOVE_FATE_IGNORES;
  else if (refuses_move_from (info, origin))
    server->fate = FERRY_MOVE_FATE_REFUSES_ORIGIN;
  else if (ferry_move_backend_incoming_for (info) == FERRY_MOVE_INCOMING_IF_ALLOWED)
    server->fate = FERRY_MOVE_FATE_IF_ALLOWED;
  else
    server->fate = FERRY_MOVE_FATE_FOLLOWS;
}

static void probe_next (GTask *task);

static void
server_probed_cb (GObject      *object,
                  GAsyncResult *result,
                  gpointer      user_data)
{
  GTask *task = user_data;
  FerryMove *self = g_task_get_source_object (task);
  Forecast *forecast = g_task_get_task_data (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryServerInfo) info = ferry_server_info_probe_finish (result, &error);

  forecast->in_flight--;
  if (info != NULL)
    {
      FerryMoveServer *server =
        g_hash_table_lookup (self->servers, ferry_server_info_get_host (info));

      if (server != NULL)
        server_set_info (server, info, self->origin->info);
    }
  else
    g_debug ("a follower's server did not answer: %s", error->message);
  probe_next (task);
}

static void
probe_next (GTask *task)
{
  FerryMove *self = g_task_get_source_object (task);
  Forecast *forecast = g_task_get_task_data (task);
  GTlsDatabase *trust = ferry_client_get_tls_database (self->origin->client);

  while (forecast->in_flight < MAX_PROBES && !g_queue_is_empty (&forecast->hosts) &&
         !g_cancellable_is_cancelled (g_task_get_cancellable (task)))
    {
      g_autofree char *host = g_queue_pop_head (&forecast->hosts);

      forecast->in_flight++;
      ferry_server_info_probe_text_async (host, trust, g_task_get_cancellable (task),
                                          server_probed_cb, g_object_ref (task));
    }
  if (forecast->in_flight > 0)
    {
      g_object_unref (task);
      return;
    }
  if (!g_task_return_error_if_cancelled (task))
    {
      forecast_build (self);
      g_task_return_boolean (task, TRUE);
    }
  g_object_unref (task);
}

/* persistence reader: followers.json of Ferry's own backup (kept as the server sent it) */
static gboolean
load_backup_followers (FerryMove *self)
{
  g_autofree char *path =
    self->backup_dir ? g_build_filename (self->backup_dir, "followers.json", NULL) : NULL;
  g_autoptr(JsonParser) parser = json_parser_new ();
  JsonArray *array;

  if (path == NULL || !json_parser_load_from_file (parser, path, NULL) ||
      !JSON_NODE_HOLDS_ARRAY (json_parser_get_root (parser)))
    return FALSE;
  array = json_node_get_array (json_parser_get_root (parser));
  g_ptr_array_set_size (self->followers, 0);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      const char *acct = ferry_move_acct_of (json_array_get_element (array, i));

      if (acct != NULL)
        g_ptr_array_add (self->followers,
                         ferry_move_normalize_acct (acct, self->old_side.handle->host));
    }
  return TRUE;
}

static void
probe_servers (GTask *task)
{
  FerryMove *self = g_task_get_source_object (task);
  Forecast *forecast = g_task_get_task_data (task);

  for (guint i = 0; i < self->followers->len; i++)
    {
      const char *host = strchr (g_ptr_array_index (self->followers, i), '@') + 1;
      FerryMoveServer *server;

      if (g_hash_table_contains (self->servers, host))
        continue;
      server = ferry_move_server_new (host);
      g_hash_table_insert (self->servers, server->host, server);
      if (g_ascii_strcasecmp (host, self->origin->handle->host) == 0)
        server_set_info (server, self->origin->info, NULL);   /* its own server moves its locals */
      else
        g_queue_push_tail (&forecast->hosts, g_strdup (host));
    }
  probe_next (task);
}

static void
followers_listed_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  GTask *task = user_data;
  FerryMove *self = g_task_get_source_object (task);
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = ferry_move_backend_list_finish (FERRY_MOVE_BACKEND (object),
                                                                  result, &error);

  if (accounts == NULL)
    {
      if (g_task_return_error_if_cancelled (task))
        {
          g_object_unref (task);
          return;
        }
      g_debug ("the followers could not be listed: %s", error->message);
      if (self->followers->len == 0)
        load_backup_followers (self);
    }
  else
    {
      g_ptr_array_set_size (self->followers, 0);
      for (guint i = 0; i < accounts->len; i++)
        {
          const char *acct = ferry_account_get_acct (g_ptr_array_index (accounts, i));

          g_ptr_array_add (self->followers,
                           ferry_move_normalize_acct (acct, self->origin->handle->host));
        }
    }
  probe_servers (task);
}

/* The origin's followers (read afresh until the move, then kept), their servers probed
 * once each. */
void
ferry_move_forecast_async (FerryMove           *self,
                           GCancellable        *cancellable,
                           GAsyncReadyCallback  callback,
                           gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);

  g_task_set_task_data (task, g_new0 (Forecast, 1), (GDestroyNotify) forecast_free);
  if (ferry_move_origin_moved (self))
    {
      if (self->followers->len == 0 && self->direction == FERRY_MOVE_FORWARD)
        load_backup_followers (self);
      probe_servers (task);
      return;
    }
  ferry_move_backend_list_followers_async (ferry_move_side_backend (self->origin),
                                           ferry_account_get_id (self->origin->account),
                                           cancellable, followers_listed_cb, task);
}

gboolean
ferry_move_forecast_finish (FerryMove     *self,
                            GAsyncResult  *result,
                            GError       **error)
{
  return g_task_propagate_boolean (G_TASK (result), error);
}

/**
 * ferry_move_get_forecast:
 *
 * Returns: (transfer none) (element-type FerryMoveServer): the followers' servers, most
 *   followers first
 */
GPtrArray *
ferry_move_get_forecast (FerryMove *self)
{
  g_return_val_if_fail (FERRY_IS_MOVE (self), NULL);

  return self->forecast;
}

/**
 * ferry_move_get_forecast_totals:
 * @follow: (out): followers whose servers follow the move
 * @maybe: (out): followers whose servers follow it if they allowed it
 * @stay: (out): followers whose servers ignore it or did not answer
 */
void
ferry_move_get_forecast_totals (FerryMove *self,
                                guint     *follow,
                                guint     *maybe,
                                guint     *stay)
{
  g_return_if_fail (FERRY_IS_MOVE (self));

  *follow = *maybe = *stay = 0;
  for (guint i = 0; i < self->forecast->len; i++)
    {
      FerryMoveServer *server = g_ptr_array_index (self->forecast, i);

      switch (server->fate)
        {
        case FERRY_MOVE_FATE_FOLLOWS:
          *follow += server->followers;
          break;
        case FERRY_MOVE_FATE_IF_ALLOWED:
          *maybe += server->followers;
          break;
        case FERRY_MOVE_FATE_IGNORES:
        case FERRY_MOVE_FATE_REFUSES_ORIGIN:
        case FERRY_MOVE_FATE_OFFLINE:
        default:
          *stay += server->followers;
          break;
        }
    }
}

/**
 * ferry_move_export_forecast:
 *
 * Writes the forecast as CSV: server, software, followers, outlook.
 */
gboolean
ferry_move_export_forecast (FerryMove   *self,
                            const char  *path,
                            GError     **error)
{
  g_autoptr(GString) csv = g_string_new ("Server,Software,Followers,Outlook\n");

  g_return_val_if_fail (FERRY_IS_MOVE (self), FALSE);

  for (guint i = 0; i < self->forecast->len; i++)
    {
      FerryMoveServer *server = g_ptr_array_index (self->forecast, i);
      g_autofree char *count = g_strdup_printf ("%u", server->followers);
      const char *row[] = { server->host, server->software ? server->software : "",
                            count, ferry_move_fate_text (server->fate) };

      ferry_csv_append_row (csv, row, G_N_ELEMENTS (row));
    }
  return ferry_private_file_write (path, csv->str, (gssize) csv->len, error);
}
