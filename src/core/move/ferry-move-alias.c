/* ferry-move-alias.c: whether the alias is there, and the servers' refusals in plain words
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * The alias shows where each server shows it: GoToSocial in verify_credentials'
 * source.also_known_as_uris, Akkoma in /api/pleroma/aliases, Mastodon (and any other) only
 * in the account's ActivityPub actor (alsoKnownAs), which a server with authorized fetch
 * refuses to unsigned requests: then only the person can say (api-facts §7, §8).
 */

#define G_LOG_DOMAIN "ferry-move"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ferry-api-error.h"
#include "ferry-move-private.h"

/* The alias: is the origin in the target's alsoKnownAs? */

static gboolean
array_has_string (JsonArray  *array,
                  const char *value,
                  const char *host)
{
  for (guint i = 0; array != NULL && i < json_array_get_length (array); i++)
    {
      JsonNode *node = json_array_get_element (array, i);
      const char *text = JSON_NODE_HOLDS_VALUE (node) ? json_node_get_string (node) : NULL;
      g_autofree char *acct = NULL;

      if (text == NULL)
        continue;
      if (g_str_equal (text, value))
        return TRUE;
      if (host != NULL && strchr (text, '/') == NULL)
        {
          acct = ferry_move_normalize_acct (text, host);
          if (g_ascii_strcasecmp (acct, value) == 0)
            return TRUE;
        }
    }
  return FALSE;
}

static void
alias_answer_cb (GObject      *object,
                 GAsyncResult *result,
                 gpointer      user_data)
{
  g_autoptr(GTask) task = user_data;
  FerryMove *self = g_task_get_source_object (task);
  g_autofree char *storage = NULL;
  const char *origin_uri = ferry_move_side_uri (self->origin, &storage);
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) node = NULL;
  g_autoptr(JsonParser) parser = NULL;
  JsonObject *object_ = NULL;
  JsonArray *aliases = NULL;

  /* The kind the request was made for: the target's may be known only since (its probe
   * answered meanwhile), and a download's bytes are no JSON node. */
  switch ((FerryMigrationKind) GPOINTER_TO_INT (g_task_get_task_data (task)))
    {
    case FERRY_MIGRATION_GOTOSOCIAL_API:
      node = ferry_client_call_finish (FERRY_CLIENT (object), result, NULL, &error);
      {
        JsonNode *list = ferry_move_member (ferry_move_member (node, "source", JSON_NODE_OBJECT),
                                            "also_known_as_uris", JSON_NODE_ARRAY);

        aliases = list ? json_node_get_array (list) : NULL;
        g_clear_pointer (&self->target_aliases, json_array_unref);
        if (aliases != NULL)
          self->target_aliases = json_array_ref (aliases);
      }
      break;
    case FERRY_MIGRATION_AKKOMA_API:
      node = ferry_client_call_finish (FERRY_CLIENT (object), result, NULL, &error);
      {
        JsonNode *list = ferry_move_member (node, "aliases", JSON_NODE_ARRAY);

        aliases = list ? json_node_get_array (list) : NULL;
      }
      if (array_has_string (aliases, self->origin->acct, self->target->handle->host))
        {
          g_task_return_int (task, 1);
          return;
        }
      break;
    case FERRY_MIGRATION_NONE:
    case FERRY_MIGRATION_MASTODON_WEB:
    case FERRY_MIGRATION_MISSKEY:
    default:
      {
        g_autoptr(GBytes) bytes = ferry_client_get_bytes_finish (FERRY_CLIENT (object), result, &error);

        if (bytes == NULL)
          {
            /* Authorized fetch: the actor is not shown to unsigned requests. */
            if (g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_AUTH) ||
                g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_FORBIDDEN))
              {
                g_task_return_int (task, -1);
                return;
              }
            break;
          }
        parser = json_parser_new ();
        if (json_parser_load_from_data (parser, g_bytes_get_data (bytes, NULL),
                                        (gssize) g_bytes_get_size (bytes), NULL) &&
            ferry_api_json_root_object (parser) != NULL)
          {
            object_ = json_node_get_object (json_parser_get_root (parser));
            if (json_object_has_member (object_, "alsoKnownAs"))
              {
                JsonNode *aka = json_object_get_member (object_, "alsoKnownAs");

                if (JSON_NODE_HOLDS_ARRAY (aka))
                  aliases = json_node_get_array (aka);
                else if (JSON_NODE_HOLDS_VALUE (aka) &&
                         g_strcmp0 (json_node_get_string (aka), origin_uri) == 0)
                  {
                    g_task_return_int (task, 1);
                    return;
                  }
              }
          }
        break;
      }
    }

  if (error != NULL)
    g_task_return_error (task, g_steal_pointer (&error));
  else
    g_task_return_int (task, array_has_string (aliases, origin_uri, NULL) ? 1 : 0);
}

void
ferry_move_alias_seen_async (FerryMove           *self,
                  GCancellable        *cancellable,
                  GAsyncReadyCallback  callback,
                  gpointer             user_data)
{
  GTask *task = g_task_new (self, cancellable, callback, user_data);
  g_autofree char *storage = NULL;
  FerryMigrationKind kind = ferry_move_side_kind (self->target);

  g_task_set_task_data (task, GINT_TO_POINTER (kind), NULL);
  switch (kind)
    {
    case FERRY_MIGRATION_GOTOSOCIAL_API:
      ferry_client_call_async (self->target->client, "GET", "/api/v1/accounts/verify_credentials",
                               NULL, cancellable, alias_answer_cb, task);
      break;
    case FERRY_MIGRATION_AKKOMA_API:
      ferry_client_call_async (self->target->client, "GET", "/api/pleroma/aliases", NULL,
                               cancellable, alias_answer_cb, task);
      break;
    case FERRY_MIGRATION_NONE:
    case FERRY_MIGRATION_MASTODON_WEB:
    case FERRY_MIGRATION_MISSKEY:
    default:
      ferry_client_get_activity_async (self->target->client, ferry_move_side_uri (self->target, &storage),
                                       cancellable, alias_answer_cb, task);
      break;
    }
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

/**
 * ferry_move_explain_error:
 * @message: what a server answered to an alias or a move
 *
 * Returns: (transfer full): the same in plain words, with what to do
 */
char *
ferry_move_explain_error (const char *message)
{
  g_autofree char *lower = g_utf8_strdown (message ? message : "", -1);

  if (strstr (lower, "cooldown") || strstr (lower, "within the last 7 days") ||
      strstr (lower, "restart window"))
    return g_strdup (_("This account moved recently, and the server allows only one move per "
                       "account in a while (30 days on Mastodon, 7 days on GoToSocial). Nothing "
                       "changed: try again when that time is over."));
  if (strstr (lower, "alias") || strstr (lower, "alsoknownas"))
    return g_strdup (_("The new account does not name the old one as an alias yet, so the old "
                       "server refuses the move. Do the alias step first; if it is done, wait a "
                       "minute (some servers take a while to see it) and try again."));
  if (strstr (lower, "5 minutes"))
    return g_strdup (_("The server allows one move attempt every five minutes. Wait five "
                       "minutes and try again."));
  if (strstr (lower, "password"))
    return g_strdup (_("The old server says the password is wrong. Type the password you sign "
                       "in to the old account with on the web."));
  if (strstr (lower, "itself moved") || strstr (lower, "already moved"))
    return g_strdup (_("The account to move to has itself moved away, or this account already "
                       "moved there. Check both accounts’ pages."));
  if (strstr (lower, "not found") || strstr (lower, "could not be") || strstr (lower, "dereferenced"))
    return g_strdup (_("The server could not find the other account. Check that it exists and "
                       "that its server is up, then try again."));
  return g_strdup_printf (_("The server refused: %s"), message ? message : "");
}
