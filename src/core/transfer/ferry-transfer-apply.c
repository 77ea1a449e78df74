/* ferry-transfer-apply.c: one item re-created on the new account
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 *
 * An item goes: find its account (or post) on the new server, resolved once and kept in the
 * journal; if an earlier run started it and its result is unknown, ask the server whether it
 * is already there; write "started" to the journal and wait for it to reach the disk; then
 * the one request that re-creates it (api-facts §3–§4). Its answer ends the item: done,
 * skipped with the reason (gone, suspended, refused), or failed with the server's words.
 */

#define G_LOG_DOMAIN "ferry-transfer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ferry-api-error.h"
#include "ferry-client-search.h"
#include "ferry-status.h"
#include "ferry-handle.h"
#include "ferry-transfer-private.h"

typedef struct
{
  FerryTransfer *self;    /* owned */
  Item          *item;    /* unowned: self->items holds it */
  guint          next_status;
  char          *filter_id;
  guint          picture;   /* OP_PROFILE: 0 the text, then 1 the avatar, 2 the header */
  GString       *refused;   /* OP_PROFILE: the pictures the server refused, in words */
} Run;

static void
run_free (Run *run)
{
  g_object_unref (run->self);
  g_free (run->filter_id);
  if (run->refused != NULL)
    g_string_free (run->refused, TRUE);
  g_free (run);
}

static void step_check (Run *run);
static void step_apply (Run *run);

static gboolean
needs_account (Op op)
{
  return op == OP_FOLLOW || op == OP_LIST_MEMBER || op == OP_BLOCK || op == OP_MUTE ||
         op == OP_NOTE || op == OP_ENDORSE;
}

static void send (Run *run);

/* The profile's next picture, each in its own request; FALSE when none is left. */
static gboolean
next_picture (Run *run)
{
  while (++run->picture <= 2)
    {
      g_autoptr(FerryParams) params = ferry_transfer_picture_params (run->self, run->item, run->picture);

      if (params != NULL)
        {
          send (run);
          return TRUE;
        }
    }
  return FALSE;
}

/* The profile is over: done, with the pictures the server refused said, one by one. */
static void
end_profile (Run *run)
{
  if (run->refused != NULL)
    {
      g_autofree char *reason = g_strdup_printf (_("The rest of the profile is there; %s"), run->refused->str);

      ferry_transfer_item_end (run->self, run->item, ITEM_DONE, "picture", reason, FALSE);
      ferry_transfer_add_warning (run->self, g_strdup_printf (_("Profile: %s"), reason));
    }
  else
    ferry_transfer_item_end (run->self, run->item, ITEM_DONE, NULL, NULL, FALSE);
  run_free (run);
}

/* Ends the item; the error (if any) decides how. Takes nothing. */
static void
end_with_error (Run    *run,
                GError *error)
{
  FerryTransfer *self = run->self;
  Item *item = run->item;

  if (item->op == OP_PROFILE && run->picture > 0 &&
      g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_INVALID))
    {
      /* That picture only: the text and the other picture stand. */
      if (run->refused == NULL)
        run->refused = g_string_new (NULL);
      else
        g_string_append (run->refused, "; ");
      g_string_append_printf (run->refused, run->picture == 1 ? _("the avatar was refused: %s")
                                                              : _("the header was refused: %s"),
                              error->message);
      if (!next_picture (run))
        end_profile (run);
      return;
    }
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED) ||
      (error->domain == FERRY_API_ERROR &&
       (error->code == FERRY_API_ERROR_AUTH || error->code == FERRY_API_ERROR_NETWORK ||
        error->code == FERRY_API_ERROR_TLS || error->code == FERRY_API_ERROR_SERVER ||
        error->code == FERRY_API_ERROR_BAD_RESPONSE)) ||
      error->domain == G_IO_ERROR)
    {
      /* Nothing is decided about the item: it goes again, checked first, next time. */
      item->uncertain = TRUE;
      ferry_transfer_item_requeue (self, item);
      ferry_transfer_stop (self, g_error_copy (error));
    }
  else if (error->domain == FERRY_API_ERROR && error->code == FERRY_API_ERROR_RATE_LIMITED &&
           item->op == OP_FOLLOW)
    {
      /* The daily follows are spent (maybe by follows made elsewhere): tomorrow. */
      ferry_transfer_follows_spent (self);
      ferry_transfer_item_requeue (self, item);
    }
  else if (item->op == OP_LIST_MEMBER && ferry_transfer_not_yet_followed (error))
    /* Not gone: its follow is not a follow yet (a request, or an import not done). */
    ferry_transfer_item_end (self, item, ITEM_FAILED, "waiting",
                             _("Its follow is not accepted yet: added when it is"), TRUE);
  else if (error->domain == FERRY_API_ERROR && error->code == FERRY_API_ERROR_NOT_FOUND)
    ferry_transfer_item_end (self, item, ITEM_SKIPPED, "gone",
                             _("No longer there"), FALSE);
  else if (error->domain == FERRY_API_ERROR && error->code == FERRY_API_ERROR_FORBIDDEN)
    ferry_transfer_item_end (self, item, ITEM_SKIPPED, "refused", error->message, FALSE);
  else if (error->domain == FERRY_API_ERROR && error->code == FERRY_API_ERROR_RATE_LIMITED)
    ferry_transfer_item_end (self, item, ITEM_FAILED, "limit", error->message, TRUE);
  else
    ferry_transfer_item_end (self, item, ITEM_FAILED, "limit", error->message, FALSE);
  run_free (run);
}

/* Resolving */

static void
use_resolved (Run        *run,
              JsonObject *record)
{
  Item *item = run->item;
  const char *code = ferry_transfer_string_member (record, "c");

  if (code != NULL)
    {
      ferry_transfer_item_end (run->self, item, ITEM_SKIPPED, code, ferry_transfer_string_member (record, "r"), FALSE);
      run_free (run);
      return;
    }
  g_free (item->id);
  if (item->op == OP_FOLLOW && ferry_transfer_string_member (record, "to_id") != NULL)
    item->id = g_strdup (ferry_transfer_string_member (record, "to_id"));
  else
    item->id = g_strdup (ferry_transfer_string_member (record, "id"));
  step_check (run);
}

typedef struct
{
  Run        *run;
  JsonObject *record;   /* owned: the resolved record, journaled when this is over */
} ActorLookup;

static void
actor_done (ActorLookup *lookup)
{
  Run *run = lookup->run;
  g_autofree char *key = g_strconcat ("a:", run->item->target, NULL);

  ferry_transfer_journal_record (run->self->journal, key, lookup->record);
  use_resolved (run, lookup->record);
  json_object_unref (lookup->record);
  g_free (lookup);
}

static void
moved_to_resolved_cb (GObject      *object,
                      GAsyncResult *result,
                      gpointer      user_data)
{
  ActorLookup *lookup = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) accounts = ferry_client_resolve_finish (FERRY_CLIENT (object), result,
                                                               &error);

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      Run *run = lookup->run;

      json_object_unref (lookup->record);
      g_free (lookup);
      end_with_error (run, error);
      return;
    }
  if (accounts != NULL && accounts->len > 0)
    {
      FerryAccount *to = g_ptr_array_index (accounts, 0);
      g_autofree char *to_acct = ferry_handle_acct_key (ferry_account_get_acct (to),
                                                        lookup->run->self->local_domain);

      if (to_acct != NULL && ferry_account_get_id (to) != NULL)
        {
          json_object_set_string_member (lookup->record, "to", to_acct);
          json_object_set_string_member (lookup->record, "to_id", ferry_account_get_id (to));
        }
    }
  actor_done (lookup);
}

/* The actor, unsigned: where it names a movedTo, that account is found on the new server. */
static void
actor_cb (GObject      *object,
          GAsyncResult *result,
          gpointer      user_data)
{
  ActorLookup *lookup = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(FerryActor) actor = ferry_client_get_actor_finish (FERRY_CLIENT (object), result,
                                                               &error);
  const char *moved_to = actor ? ferry_actor_get_moved_to (actor) : NULL;

  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
    {
      Run *run = lookup->run;

      json_object_unref (lookup->record);
      g_free (lookup);
      end_with_error (run, error);
      return;
    }
  /* An actor not shown (authorized fetch) or not understood says nothing: the API's word
   * stands. */
  if (moved_to == NULL || !g_str_has_prefix (moved_to, "https://"))
    {
      actor_done (lookup);
      return;
    }
  ferry_client_resolve_async (lookup->run->self->client, moved_to, FERRY_SEARCH_ACCOUNTS, 1,
                              ferry_transfer_cancellable (lookup->run->self),
                              moved_to_resolved_cb, lookup);
}

static void
resolved_cb (GObject      *object,
             GAsyncResult *result,
             gpointer      user_data)
{
  Run *run = user_data;
  FerryTransfer *self = run->self;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = ferry_client_call_finish (FERRY_CLIENT (object), result, NULL, &error);
  g_autofree char *key = g_strconcat ("a:", run->item->target, NULL);
  g_autoptr(JsonObject) record = json_object_new ();
  JsonArray *accounts = NULL;
  JsonObject *found = NULL;

  if (answer == NULL)
    {
      end_with_error (run, error);
      return;
    }
  if (JSON_NODE_HOLDS_OBJECT (answer) &&
      json_object_has_member (json_node_get_object (answer), "accounts"))
    accounts = json_object_get_array_member (json_node_get_object (answer), "accounts");
  for (guint i = 0; accounts && i < json_array_get_length (accounts); i++)
    {
      JsonObject *account = json_array_get_object_element (accounts, i);
      g_autofree char *acct = ferry_handle_normalize_acct (ferry_transfer_string_member (account,
                                                                                         "acct"),
                                                           self->local_domain);

      if (ferry_handle_acct_equal (acct, run->item->target))
        found = account;
    }

  json_object_set_string_member (record, "s", "done");
  if (found == NULL)
    {
      json_object_set_string_member (record, "c", "gone");
      json_object_set_string_member (record, "r", _("Not found: the account or its server is gone"));
    }
  else if (json_object_get_boolean_member_with_default (found, "suspended", FALSE))
    {
      json_object_set_string_member (record, "c", "suspended");
      json_object_set_string_member (record, "r", _("Suspended"));
    }
  else
    {
      JsonNode *moved = json_object_get_member (found, "moved");

      json_object_set_string_member (record, "id", ferry_transfer_string_member (found, "id"));
      if (json_object_get_boolean_member_with_default (found, "locked", FALSE))
        json_object_set_boolean_member (record, "locked", TRUE);
      if (moved != NULL && JSON_NODE_HOLDS_OBJECT (moved))
        {
          JsonObject *to = json_node_get_object (moved);
          const char *acct = ferry_transfer_string_member (to, "acct");
          g_autofree char *to_acct = ferry_handle_acct_key (acct, self->local_domain);

          json_object_set_string_member (record, "to", to_acct);
          json_object_set_string_member (record, "to_id", ferry_transfer_string_member (to, "id"));
        }
    }
  /* snac's API never shows "moved" for remote accounts (observed-servers.md): there the
   * account's ActivityPub actor says it (movedTo). */
  if (found != NULL && json_object_get_member (record, "to") == NULL &&
      !json_object_has_member (record, "c") && ferry_transfer_string_member (found, "uri") != NULL &&
      g_strcmp0 (ferry_server_info_get_software (self->info), "snac") == 0)
    {
      ActorLookup *lookup = g_new0 (ActorLookup, 1);

      lookup->run = run;
      lookup->record = json_object_ref (record);
      ferry_client_get_actor_async (self->client, ferry_transfer_string_member (found, "uri"),
                                       ferry_transfer_cancellable (self), actor_cb, lookup);
      return;
    }
  ferry_transfer_journal_record (self->journal, key, record);
  use_resolved (run, record);
}

static void
resolve_account (Run *run)
{
  FerryTransfer *self = run->self;
  g_autofree char *key = g_strconcat ("a:", run->item->target, NULL);
  JsonObject *known = ferry_transfer_journal_lookup (self->journal, key);
  g_autoptr(FerryParams) params = NULL;

  if (known != NULL)
    {
      use_resolved (run, known);
      return;
    }
  params = ferry_params_new ();
  ferry_params_add (params, "q", run->item->target);
  ferry_params_add (params, "type", "accounts");
  ferry_params_add (params, "resolve", "true");
  ferry_params_add (params, "limit", "5");
  ferry_client_call_async (self->client, "GET", "/api/v2/search", params,
                           ferry_transfer_cancellable (self), resolved_cb, run);
}

typedef void (*StatusFunc) (Run *run, const char *status_id);

typedef struct
{
  Run        *run;
  char       *uri;
  StatusFunc  then;
} StatusLookup;

static void
status_resolved_cb (GObject      *object,
                    GAsyncResult *result,
                    gpointer      user_data)
{
  StatusLookup *lookup = user_data;
  Run *run = lookup->run;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) statuses = ferry_client_resolve_finish (FERRY_CLIENT (object), result,
                                                               &error);
  const char *id = NULL;

  if (statuses == NULL && !g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_NOT_FOUND))
    {
      g_free (lookup->uri);
      g_free (lookup);
      end_with_error (run, error);
      return;
    }
  for (guint i = 0; statuses != NULL && i < statuses->len; i++)
    {
      FerryStatus *status = g_ptr_array_index (statuses, i);

      if (g_strcmp0 (ferry_status_get_uri (status), lookup->uri) == 0)
        id = ferry_status_get_id (status);
    }
  g_hash_table_replace (run->self->statuses, g_strdup (lookup->uri), g_strdup (id ? id : ""));
  lookup->then (run, id);
  g_free (lookup->uri);
  g_free (lookup);
}

/* A post found on the new server by its URI; @then gets its id, or NULL when it cannot be. */
static void
resolve_status (Run        *run,
                const char *uri,
                StatusFunc  then)
{
  FerryTransfer *self = run->self;
  const char *known = g_hash_table_lookup (self->statuses, uri);
  StatusLookup *lookup;

  if (known != NULL)
    {
      then (run, known[0] ? known : NULL);
      return;
    }
  lookup = g_new0 (StatusLookup, 1);
  lookup->run = run;
  lookup->uri = g_strdup (uri);
  lookup->then = then;
  ferry_client_resolve_async (self->client, uri, FERRY_SEARCH_STATUSES, 0,
                              ferry_transfer_cancellable (self), status_resolved_cb, lookup);
}

static void
bookmark_resolved (Run        *run,
                   const char *status_id)
{
  if (status_id == NULL)
    {
      ferry_transfer_item_end (run->self, run->item, ITEM_SKIPPED, "unreachable",
                               _("The post can no longer be reached from the new server"), FALSE);
      run_free (run);
      return;
    }
  g_free (run->item->id);
  run->item->id = g_strdup (status_id);
  step_check (run);
}

static void
step_resolve (Run *run)
{
  Item *item = run->item;

  if (item->op == OP_BOOKMARK && item->id == NULL)
    resolve_status (run, item->target, bookmark_resolved);
  else if (needs_account (item->op) && item->id == NULL)
    {
      if (item->depends != NULL && item->depends->id != NULL && item->depends->state == ITEM_DONE)
        {
          item->id = g_strdup (item->depends->id);
          step_check (run);
        }
      else
        resolve_account (run);
    }
  else
    step_check (run);
}

/* Checking an item whose result is unknown */

static gboolean
answer_shows_done (Item     *item,
                   JsonNode *answer)
{
  JsonObject *object = NULL;

  if (JSON_NODE_HOLDS_ARRAY (answer))
    {
      JsonArray *array = json_node_get_array (answer);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *element = json_array_get_element (array, i);

          if (JSON_NODE_HOLDS_OBJECT (element))
            {
              JsonObject *o = json_node_get_object (element);
              const char *title = ferry_transfer_string_member (o, "title");
              const char *name = ferry_transfer_string_member (o, "name");

              if (item->op == OP_LIST && g_strcmp0 (title, item->target) == 0)
                {
                  g_free (item->id);
                  item->id = g_strdup (ferry_transfer_string_member (o, "id"));
                  return TRUE;
                }
              if (item->op == OP_FILTER && g_strcmp0 (title, item->target) == 0)
                return TRUE;
              if ((item->op == OP_FEATURED_TAG || item->op == OP_TAG) && name != NULL)
                {
                  g_autofree char *a = g_utf8_casefold (name, -1);
                  g_autofree char *b = g_utf8_casefold (item->target, -1);

                  if (g_str_equal (a, b))
                    return TRUE;
                  continue;
                }
              if (item->op == OP_LIST_MEMBER && g_strcmp0 (ferry_transfer_string_member (o, "id"), item->id) == 0)
                return TRUE;
              object = o;   /* a relationships answer: one object */
            }
          else if (item->op == OP_DOMAIN_BLOCK && JSON_NODE_HOLDS_VALUE (element) &&
                   g_strcmp0 (json_node_get_string (element), item->target) == 0)
            return TRUE;
        }
    }
  else if (JSON_NODE_HOLDS_OBJECT (answer))
    object = json_node_get_object (answer);

  if (object == NULL)
    return FALSE;
  switch (item->op)
    {
    case OP_FOLLOW:
      return json_object_get_boolean_member_with_default (object, "following", FALSE) ||
             json_object_get_boolean_member_with_default (object, "requested", FALSE);
    case OP_BLOCK:
      return json_object_get_boolean_member_with_default (object, "blocking", FALSE);
    case OP_MUTE:
      return json_object_get_boolean_member_with_default (object, "muting", FALSE);
    case OP_ENDORSE:
      return json_object_get_boolean_member_with_default (object, "endorsed", FALSE);
    case OP_NOTE:
      return g_strcmp0 (ferry_transfer_string_member (object, "note"),
                        json_object_get_string_member (item->data, "comment")) == 0;
    case OP_BOOKMARK:
      return json_object_get_boolean_member_with_default (object, "bookmarked", FALSE);
    case OP_PROFILE:
    case OP_TAG:
    case OP_LIST:
    case OP_LIST_MEMBER:
    case OP_DOMAIN_BLOCK:
    case OP_FEATURED_TAG:
    case OP_FILTER:
    case OP_IMPORT:
    default:
      return FALSE;
    }
}

/* A follow that is a request: the account is locked (a person approves), or its server has
 * not sent the Accept yet (seconds to minutes). Ends the item and the run when so. */
static gboolean
end_requested (Run        *run,
               JsonObject *relationship)
{
  g_autofree char *key = NULL;
  JsonObject *resolved;

  if (relationship == NULL ||
      !json_object_get_boolean_member_with_default (relationship, "requested", FALSE) ||
      json_object_get_boolean_member_with_default (relationship, "following", FALSE))
    return FALSE;
  key = g_strconcat ("a:", run->item->target, NULL);
  resolved = ferry_transfer_journal_lookup (run->self->journal, key);
  if (resolved != NULL && json_object_get_boolean_member_with_default (resolved, "locked", FALSE))
    ferry_transfer_item_end (run->self, run->item, ITEM_DONE, "locked",
                             _("The account is locked: the follow request waits for its approval"), FALSE);
  else
    ferry_transfer_item_end (run->self, run->item, ITEM_DONE, "pending",
                             _("Waiting for the other server to accept the follow"), FALSE);
  run_free (run);
  return TRUE;
}

static void
checked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = ferry_client_call_finish (FERRY_CLIENT (object), result, NULL, &error);

  if (answer == NULL && !g_error_matches (error, FERRY_API_ERROR, FERRY_API_ERROR_NOT_FOUND))
    {
      end_with_error (run, error);
      return;
    }
  run->item->uncertain = FALSE;
  if (run->item->op == OP_FOLLOW && answer != NULL && JSON_NODE_HOLDS_ARRAY (answer) &&
      json_array_get_length (json_node_get_array (answer)) > 0 &&
      JSON_NODE_HOLDS_OBJECT (json_array_get_element (json_node_get_array (answer), 0)) &&
      end_requested (run, json_array_get_object_element (json_node_get_array (answer), 0)))
    return;
  if (answer != NULL && answer_shows_done (run->item, answer))
    {
      ferry_transfer_item_end (run->self, run->item, ITEM_DONE, NULL, NULL, FALSE);
      run_free (run);
      return;
    }
  step_apply (run);
}

static void
step_check (Run *run)
{
  FerryTransfer *self = run->self;
  Item *item = run->item;
  g_autoptr(FerryParams) params = ferry_params_new ();
  g_autofree char *path = NULL;

  if (!item->uncertain)
    {
      step_apply (run);
      return;
    }
  switch (item->op)
    {
    case OP_FOLLOW:
    case OP_BLOCK:
    case OP_MUTE:
    case OP_NOTE:
    case OP_ENDORSE:
      path = g_strdup ("/api/v1/accounts/relationships");
      ferry_params_add (params, "id[]", item->id);
      break;
    case OP_LIST:
      path = g_strdup ("/api/v1/lists");
      break;
    case OP_LIST_MEMBER:
      {
        Item *list = item->list_item;

        if (list == NULL || list->id == NULL)
          break;
        path = g_strdup_printf ("/api/v1/lists/%s/accounts", list->id);
        ferry_params_add (params, "limit", "0");
      }
      break;
    case OP_DOMAIN_BLOCK:
      path = g_strdup ("/api/v1/domain_blocks");
      ferry_params_add (params, "limit", "200");
      break;
    case OP_BOOKMARK:
      path = g_strdup_printf ("/api/v1/statuses/%s", item->id);
      break;
    case OP_TAG:
      /* The list, which every server has (not every one answers /api/v1/tags/:name). */
      path = g_strdup ("/api/v1/followed_tags");
      ferry_params_add (params, "limit", "200");
      break;
    case OP_FEATURED_TAG:
      path = g_strdup ("/api/v1/featured_tags");
      break;
    case OP_FILTER:
      path = g_strdup ("/api/v2/filters");
      break;
    case OP_PROFILE:
    case OP_IMPORT:
    default:
      break;   /* the profile and imports: sending again does no harm */
    }
  if (path == NULL)
    {
      step_apply (run);
      return;
    }
  ferry_client_call_async (self->client, "GET", path, params, ferry_transfer_cancellable (self),
                           checked_cb, run);
}

/* Re-creating */

static void
applied_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Run *run = user_data;
  Item *item = run->item;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) answer = ferry_client_call_finish (FERRY_CLIENT (object), result, NULL, &error);
  JsonObject *object_answer;
  g_autofree char *key = NULL;
  JsonObject *resolved;

  if (answer == NULL)
    {
      end_with_error (run, error);
      return;
    }
  object_answer = JSON_NODE_HOLDS_OBJECT (answer) ? json_node_get_object (answer) : NULL;

  /* Akkoma answers errors with 200 and {"error": …} (api-facts §8). */
  if (object_answer != NULL && ferry_transfer_string_member (object_answer, "error") != NULL)
    {
      ferry_transfer_item_end (run->self, item, ITEM_FAILED, "refused",
                               ferry_transfer_string_member (object_answer, "error"), FALSE);
      run_free (run);
      return;
    }

  if (item->op == OP_LIST)
    {
      g_free (item->id);
      item->id = g_strdup (ferry_transfer_string_member (object_answer, "id"));
    }
  if (item->op == OP_FILTER && run->filter_id == NULL)
    {
      run->filter_id = g_strdup (ferry_transfer_string_member (object_answer, "id"));
      run->next_status = 0;
    }
  if (item->op == OP_FILTER && run->filter_id != NULL)
    {
      JsonArray *uris = json_object_has_member (item->data, "statuses")
                          ? json_object_get_array_member (item->data, "statuses") : NULL;

      if (uris != NULL && run->next_status < json_array_get_length (uris))
        {
          /* The filter's posts, each found by its URI, one after the other. */
          step_apply (run);
          return;
        }
    }

  if (item->op == OP_FOLLOW && end_requested (run, object_answer))
    return;
  if (item->op == OP_PROFILE)
    {
      if (!next_picture (run))
        end_profile (run);
      return;
    }

  key = g_strconcat ("a:", item->target, NULL);
  resolved = item->op == OP_FOLLOW ? ferry_transfer_journal_lookup (run->self->journal, key) : NULL;
  if (resolved != NULL && ferry_transfer_string_member (resolved, "to") != NULL)
    {
      g_autofree char *reason = g_strdup_printf (_("Moved: followed at the new address %s"),
                                                 ferry_transfer_string_member (resolved, "to"));

      ferry_transfer_item_end (run->self, item, ITEM_DONE, "moved", reason, FALSE);
    }
  else
    ferry_transfer_item_end (run->self, item, ITEM_DONE, NULL, NULL, FALSE);
  run_free (run);
}

static gint64
seconds_until (FerryTransfer *self,
               const char    *iso8601)
{
  g_autoptr(GDateTime) when = iso8601 ? g_date_time_new_from_iso8601 (iso8601, NULL) : NULL;

  if (when == NULL)
    return 0;
  return g_date_time_to_unix (when) -
         ferry_rate_limiter_get_server_now (ferry_client_get_rate_limiter (self->client));
}

static void
filter_status_resolved (Run        *run,
                        const char *status_id)
{
  JsonArray *uris = json_object_get_array_member (run->item->data, "statuses");

  run->next_status++;
  if (status_id != NULL)
    {
      g_autoptr(FerryParams) params = ferry_params_new ();
      g_autofree char *path = g_strdup_printf ("/api/v2/filters/%s/statuses", run->filter_id);

      ferry_params_add (params, "status_id", status_id);
      ferry_client_call_async (run->self->client, "POST", path, params,
                               ferry_transfer_cancellable (run->self), applied_cb, run);
      return;
    }
  /* A post no longer reachable: the filter stands without it. */
  if (run->next_status < json_array_get_length (uris))
    {
      step_apply (run);
      return;
    }
  ferry_transfer_item_end (run->self, run->item, ITEM_DONE, NULL, NULL, FALSE);
  run_free (run);
}

static void
send (Run *run)
{
  FerryTransfer *self = run->self;
  Item *item = run->item;
  g_autoptr(FerryParams) params = ferry_params_new ();
  g_autofree char *path = NULL;
  const char *method = "POST";

  switch (item->op)
    {
    case OP_FOLLOW:
      {
        g_auto(GStrv) languages = g_strsplit (json_object_get_string_member (item->data, "languages"), ",", -1);

        path = g_strdup_printf ("/api/v1/accounts/%s/follow", item->id);
        ferry_params_add_bool (params, "reblogs", json_object_get_boolean_member (item->data, "reblogs"));
        ferry_params_add_bool (params, "notify", json_object_get_boolean_member (item->data, "notify"));
        for (guint i = 0; languages[i]; i++)
          if (*g_strstrip (languages[i]))
            ferry_params_add (params, "languages[]", languages[i]);
      }
      break;
    case OP_BLOCK:
      path = g_strdup_printf ("/api/v1/accounts/%s/block", item->id);
      break;
    case OP_MUTE:
      {
        const char *expires = ferry_transfer_string_member (item->data, "expires_at");
        gint64 left = seconds_until (self, expires);

        if (expires != NULL && left <= 0)
          {
            ferry_transfer_item_end (self, item, ITEM_SKIPPED, "expired",
                                     _("The mute had run out"), FALSE);
            run_free (run);
            return;
          }
        path = g_strdup_printf ("/api/v1/accounts/%s/mute", item->id);
        ferry_params_add_bool (params, "notifications",
                               json_object_get_boolean_member (item->data, "notifications"));
        if (expires != NULL)
          {
            g_autofree char *duration = g_strdup_printf ("%" G_GINT64_FORMAT, left);

            ferry_params_add (params, "duration", duration);
          }
      }
      break;
    case OP_NOTE:
      path = g_strdup_printf ("/api/v1/accounts/%s/note", item->id);
      ferry_params_add (params, "comment", json_object_get_string_member (item->data, "comment"));
      break;
    case OP_ENDORSE:
      path = g_strdup_printf ("/api/v1/accounts/%s/endorse", item->id);
      break;
    case OP_LIST:
      path = g_strdup ("/api/v1/lists");
      ferry_params_add (params, "title", item->target);
      ferry_params_add (params, "replies_policy", json_object_get_string_member (item->data, "replies_policy"));
      ferry_params_add_bool (params, "exclusive", json_object_get_boolean_member (item->data, "exclusive"));
      break;
    case OP_LIST_MEMBER:
      {
        Item *list = item->list_item;

        if (list == NULL || list->state != ITEM_DONE || list->id == NULL)
          {
            ferry_transfer_item_end (self, item, ITEM_SKIPPED, "limit",
                                     _("Its list could not be created"), FALSE);
            run_free (run);
            return;
          }
        path = g_strdup_printf ("/api/v1/lists/%s/accounts", list->id);
        ferry_params_add (params, "account_ids[]", item->id);
      }
      break;
    case OP_DOMAIN_BLOCK:
      if (!ferry_server_info_has_domain_blocks (self->info))
        {
          ferry_transfer_item_end (self, item, ITEM_SKIPPED, "unsupported",
                                   _("The new server has no way to block domains for one account"), FALSE);
          run_free (run);
          return;
        }
      path = g_strdup ("/api/v1/domain_blocks");
      ferry_params_add (params, "domain", item->target);
      break;
    case OP_BOOKMARK:
      path = g_strdup_printf ("/api/v1/statuses/%s/bookmark", item->id);
      break;
    case OP_TAG:
      {
        g_autofree char *escaped = g_uri_escape_string (item->target, NULL, FALSE);

        path = g_strdup_printf ("/api/v1/tags/%s/follow", escaped);
      }
      break;
    case OP_FEATURED_TAG:
      path = g_strdup ("/api/v1/featured_tags");
      ferry_params_add (params, "name", item->target);
      break;
    case OP_FILTER:
      if (run->filter_id != NULL)
        {
          JsonArray *uris = json_object_get_array_member (item->data, "statuses");

          resolve_status (run, json_array_get_string_element (uris, run->next_status),
                          filter_status_resolved);
          return;
        }
      else
        {
          JsonArray *context = json_object_get_array_member (item->data, "context");
          JsonArray *keywords = json_object_get_array_member (item->data, "keywords_attributes");
          const char *expires = ferry_transfer_string_member (item->data, "expires_at");
          gint64 left = seconds_until (self, expires);

          if (expires != NULL && left <= 0)
            {
              ferry_transfer_item_end (self, item, ITEM_SKIPPED, "expired",
                                       _("The filter had run out"), FALSE);
              run_free (run);
              return;
            }
          path = g_strdup ("/api/v2/filters");
          ferry_params_add (params, "title", item->target);
          for (guint i = 0; context && i < json_array_get_length (context); i++)
            ferry_params_add (params, "context[]", json_array_get_string_element (context, i));
          ferry_params_add (params, "filter_action", ferry_transfer_string_member (item->data, "action") ?: "warn");
          if (expires != NULL)
            {
              g_autofree char *seconds = g_strdup_printf ("%" G_GINT64_FORMAT, left);

              ferry_params_add (params, "expires_in", seconds);
            }
          for (guint i = 0; keywords && i < json_array_get_length (keywords); i++)
            {
              JsonObject *keyword = json_array_get_object_element (keywords, i);

              ferry_params_add (params, "keywords_attributes[][keyword]", ferry_transfer_string_member (keyword, "keyword"));
              ferry_params_add_bool (params, "keywords_attributes[][whole_word]",
                                     json_object_get_boolean_member_with_default (keyword, "whole_word", FALSE));
            }
        }
      break;
    case OP_PROFILE:
      method = "PATCH";
      path = g_strdup ("/api/v1/accounts/update_credentials");
      g_clear_pointer (&params, ferry_params_unref);
      params = run->picture == 0 ? ferry_transfer_profile_params (self, item)
                                 : ferry_transfer_picture_params (self, item, run->picture);
      break;
    case OP_IMPORT:
      path = g_strdup ("/api/v1/import");
      g_clear_pointer (&params, ferry_params_unref);
      params = ferry_transfer_import_params (self, item);
      break;
    default:
      g_assert_not_reached ();
    }

  ferry_client_call_async (self->client, method, path, params, ferry_transfer_cancellable (self),
                           applied_cb, run);
}

static void
started_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;

  if (!ferry_transfer_journal_flush_finish (FERRY_TRANSFER_JOURNAL (object), result, &error))
    {
      end_with_error (run, error);
      return;
    }
  if (g_cancellable_is_cancelled (ferry_transfer_cancellable (run->self)))
    {
      g_autoptr(GError) cancelled = g_error_new_literal (G_IO_ERROR, G_IO_ERROR_CANCELLED, "");

      end_with_error (run, cancelled);
      return;
    }
  send (run);
}

static void
step_apply (Run *run)
{
  FerryTransfer *self = run->self;
  Item *item = run->item;
  g_autoptr(JsonObject) record = NULL;

  if (run->filter_id != NULL)
    {
      send (run);
      return;
    }
  /* On disk before the request goes: after a crash the item is known to be unsure. */
  record = json_object_new ();
  json_object_set_string_member (record, "s", "started");
  if (item->id != NULL)
    json_object_set_string_member (record, "id", item->id);
  if (item->op == OP_FOLLOW)
    {
      item->sent = TRUE;
      item->sent_day = ferry_transfer_server_day (self);
      json_object_set_int_member (record, "day", item->sent_day);
    }
  ferry_transfer_journal_record (self->journal, item->key, record);
  ferry_transfer_journal_flush_async (self->journal, NULL, started_cb, run);
}

/**
 * ferry_transfer_start_item:
 *
 * Starts @item; it ends with ferry_transfer_item_end() or ferry_transfer_item_requeue().
 */
void
ferry_transfer_start_item (FerryTransfer *self,
                           Item          *item)
{
  Run *run = g_new0 (Run, 1);

  run->self = g_object_ref (self);
  run->item = item;
  step_resolve (run);
}
