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
 * The finding is ferry-transfer-resolve.c's, the asking ferry-transfer-check.c's; every
 * request goes through the typed calls of src/api.
 *
 * Persistence reader: the json_* reads left here are of Ferry's own files only, the item's
 * record in the backup (item->data, as ferry-transfer-load.c read it) and the journal;
 * the servers' answers arrive as models.
 */

#define G_LOG_DOMAIN "ferry-transfer"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ferry-api-error.h"
#include "ferry-client-accounts.h"
#include "ferry-client-actions.h"
#include "ferry-client-collections.h"
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
      g_autoptr(FerryParams) params = ferry_transfer_picture_params (run->self, run->item,
                                                                     run->picture);

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
      g_autofree char *reason = g_strdup_printf (_("The rest of the profile is there; %s"),
                                                 run->refused->str);

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

  if (error->domain == FERRY_API_ERROR && ferry_api_error_get_http_status (error) == 200)
    {
      /* A refusal in a 200's body (Akkoma): the server said no, in its own words. */
      ferry_transfer_item_end (self, item, ITEM_FAILED, "refused",
                               ferry_api_error_get_server_text (error), FALSE);
      run_free (run);
      return;
    }
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
      ferry_transfer_item_end (run->self, item, ITEM_SKIPPED, code,
                               ferry_transfer_string_member (record, "r"), FALSE);
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

static void
account_resolved_cb (GObject      *object,
                     GAsyncResult *result,
                     gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonObject) record = ferry_transfer_resolve_account_finish (FERRY_TRANSFER (object),
                                                                        result, &error);

  if (record == NULL)
    end_with_error (run, error);
  else
    use_resolved (run, record);
}

/* The account, from the journal (Ferry's own record) or found (ferry-transfer-resolve.c). */
static void
resolve_account (Run *run)
{
  FerryTransfer *self = run->self;
  g_autofree char *key = g_strconcat ("a:", run->item->target, NULL);
  JsonObject *known = ferry_transfer_journal_lookup (self->journal, key);

  if (known != NULL)
    {
      use_resolved (run, known);
      return;
    }
  ferry_transfer_resolve_account_async (self, run->item, ferry_transfer_cancellable (self),
                                        account_resolved_cb, run);
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

/* Checking an item whose result is unknown (ferry-transfer-check.c) */

/* A follow that is a request: the account is locked (a person approves), or its server has
 * not sent the Accept yet (seconds to minutes). Ends the item and the run. */
static void
end_requested (Run *run)
{
  g_autofree char *key = g_strconcat ("a:", run->item->target, NULL);
  /* The journal: Ferry's own record of what it resolved (a persistence reader). */
  JsonObject *resolved = ferry_transfer_journal_lookup (run->self->journal, key);

  if (resolved != NULL && json_object_get_boolean_member_with_default (resolved, "locked", FALSE))
    ferry_transfer_item_end (run->self, run->item, ITEM_DONE, "locked",
                             _("The account is locked: the follow request waits for its approval"),
                             FALSE);
  else
    ferry_transfer_item_end (run->self, run->item, ITEM_DONE, "pending",
                             _("Waiting for the other server to accept the follow"), FALSE);
  run_free (run);
}

static void
checked_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Run *run = user_data;
  g_autoptr(GError) error = NULL;
  TransferCheck check = ferry_transfer_check_finish (FERRY_CLIENT (object), result, &error);

  if (error != NULL)
    {
      end_with_error (run, error);
      return;
    }
  run->item->uncertain = FALSE;
  if (check == TRANSFER_CHECK_REQUESTED)
    end_requested (run);
  else if (check == TRANSFER_CHECK_DONE)
    {
      ferry_transfer_item_end (run->self, run->item, ITEM_DONE, NULL, NULL, FALSE);
      run_free (run);
    }
  else
    step_apply (run);
}

static void
step_check (Run *run)
{
  Item *item = run->item;

  /* The profile and imports: sending again does no harm. */
  if (!item->uncertain || item->op == OP_PROFILE || item->op == OP_IMPORT)
    {
      step_apply (run);
      return;
    }
  ferry_transfer_check_async (run->self->client, item, ferry_transfer_cancellable (run->self),
                              checked_cb, run);
}

/* Re-creating */

/* The answer to the item's request, by what the request was: a model, or %NULL and @error
 * (for the calls that answer with no model, a non-%NULL placeholder on success). */
static GObject *
applied_finish (Run           *run,
                FerryClient   *client,
                GAsyncResult  *result,
                GError       **error)
{
  switch (run->item->op)
    {
    case OP_FOLLOW:
    case OP_BLOCK:
    case OP_MUTE:
    case OP_NOTE:
    case OP_ENDORSE:
      return G_OBJECT (ferry_client_account_action_finish (client, result, error));
    case OP_LIST:
      return G_OBJECT (ferry_client_create_list_finish (client, result, error));
    case OP_BOOKMARK:
      return G_OBJECT (ferry_client_bookmark_finish (client, result, error));
    case OP_TAG:
    case OP_FEATURED_TAG:
      return G_OBJECT (ferry_client_tag_action_finish (client, result, error));
    case OP_FILTER:
      if (run->filter_id == NULL)
        return G_OBJECT (ferry_client_create_filter_finish (client, result, error));
      break;
    case OP_PROFILE:
      return G_OBJECT (ferry_client_update_credentials_finish (client, result, error));
    case OP_LIST_MEMBER:
    case OP_DOMAIN_BLOCK:
    case OP_IMPORT:
    default:
      break;
    }
  return ferry_client_action_finish (client, result, error) ? g_object_ref (G_OBJECT (client))
                                                            : NULL;
}

static guint
n_filter_statuses (Item *item)
{
  /* The backup's record of the filter (Ferry's own file, read as loaded). */
  JsonNode *node = json_object_get_member (item->data, "statuses");

  return node != NULL && JSON_NODE_HOLDS_ARRAY (node)
           ? json_array_get_length (json_node_get_array (node)) : 0;
}

static void
applied_cb (GObject      *object,
            GAsyncResult *result,
            gpointer      user_data)
{
  Run *run = user_data;
  Item *item = run->item;
  g_autoptr(GError) error = NULL;
  g_autoptr(GObject) answer = applied_finish (run, FERRY_CLIENT (object), result, &error);
  g_autofree char *key = NULL;
  JsonObject *resolved;

  if (answer == NULL)
    {
      end_with_error (run, error);
      return;
    }

  if (item->op == OP_LIST)
    {
      g_free (item->id);
      item->id = g_strdup (ferry_list_get_id (FERRY_LIST (answer)));
    }
  if (item->op == OP_FILTER && run->filter_id == NULL)
    {
      run->filter_id = g_strdup (ferry_filter_get_id (FERRY_FILTER (answer)));
      run->next_status = 0;
    }
  if (item->op == OP_FILTER && run->filter_id != NULL &&
      run->next_status < n_filter_statuses (item))
    {
      /* The filter's posts, each found by its URI, one after the other. */
      step_apply (run);
      return;
    }

  if (item->op == OP_FOLLOW && ferry_transfer_is_request (FERRY_RELATIONSHIP (answer)))
    {
      end_requested (run);
      return;
    }
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
  run->next_status++;
  if (status_id != NULL)
    {
      ferry_client_add_filter_status_async (run->self->client, run->filter_id, status_id,
                                            ferry_transfer_cancellable (run->self), applied_cb,
                                            run);
      return;
    }
  /* A post no longer reachable: the filter stands without it. */
  if (run->next_status < n_filter_statuses (run->item))
    {
      step_apply (run);
      return;
    }
  ferry_transfer_item_end (run->self, run->item, ITEM_DONE, NULL, NULL, FALSE);
  run_free (run);
}

/* Ends the item as skipped, with why. */
static void
skip (Run        *run,
      const char *code,
      const char *reason)
{
  ferry_transfer_item_end (run->self, run->item, ITEM_SKIPPED, code, reason, FALSE);
  run_free (run);
}

/* The backup's follow (Ferry's own file): its options. */
static void
send_follow (Run *run)
{
  JsonObject *data = run->item->data;
  const char *joined = ferry_transfer_string_member (data, "languages");
  g_auto(GStrv) languages = g_strsplit (joined ? joined : "", ",", -1);
  FerryFollowOptions options = { 0, };

  for (guint i = 0; languages[i] != NULL; i++)
    g_strstrip (languages[i]);
  options.reblogs = json_object_get_boolean_member_with_default (data, "reblogs", FALSE);
  options.notify = json_object_get_boolean_member_with_default (data, "notify", FALSE);
  options.languages = (const char * const *) languages;
  ferry_client_follow_async (run->self->client, run->item->id, &options,
                             ferry_transfer_cancellable (run->self), applied_cb, run);
}

/* The backup's filter (Ferry's own file): created with its words and contexts. */
static void
send_filter (Run *run)
{
  FerryTransfer *self = run->self;
  JsonObject *data = run->item->data;
  JsonArray *context = json_object_get_array_member (data, "context");
  JsonArray *keywords = json_object_get_array_member (data, "keywords_attributes");
  const char *expires = ferry_transfer_string_member (data, "expires_at");
  gint64 left = seconds_until (self, expires);
  g_autoptr(GPtrArray) contexts = g_ptr_array_new ();
  g_autoptr(GArray) words = g_array_new (FALSE, TRUE, sizeof (FerryFilterKeyword));

  if (expires != NULL && left <= 0)
    {
      skip (run, "expired", _("The filter had run out"));
      return;
    }
  for (guint i = 0; context && i < json_array_get_length (context); i++)
    g_ptr_array_add (contexts, (gpointer) json_array_get_string_element (context, i));
  g_ptr_array_add (contexts, NULL);
  for (guint i = 0; keywords && i < json_array_get_length (keywords); i++)
    {
      JsonObject *keyword = json_array_get_object_element (keywords, i);
      FerryFilterKeyword word = { 0, };

      word.keyword = ferry_transfer_string_member (keyword, "keyword");
      word.whole_word = json_object_get_boolean_member_with_default (keyword, "whole_word", FALSE);
      g_array_append_val (words, word);
    }
  ferry_client_create_filter_async (self->client, run->item->target,
                                    (const char * const *) contexts->pdata,
                                    ferry_transfer_string_member (data, "action"),
                                    expires != NULL ? left : 0,
                                    (const FerryFilterKeyword *) words->data, words->len,
                                    ferry_transfer_cancellable (self), applied_cb, run);
}

static void
send (Run *run)
{
  FerryTransfer *self = run->self;
  Item *item = run->item;
  GCancellable *cancellable = ferry_transfer_cancellable (self);

  switch (item->op)
    {
    case OP_FOLLOW:
      send_follow (run);
      break;
    case OP_BLOCK:
      ferry_client_block_async (self->client, item->id, cancellable, applied_cb, run);
      break;
    case OP_MUTE:
      {
        const char *expires = ferry_transfer_string_member (item->data, "expires_at");
        gint64 left = seconds_until (self, expires);

        if (expires != NULL && left <= 0)
          {
            skip (run, "expired", _("The mute had run out"));
            return;
          }
        ferry_client_mute_async (self->client, item->id,
                                 json_object_get_boolean_member_with_default (item->data,
                                                                              "notifications",
                                                                              FALSE),
                                 expires != NULL ? left : 0, cancellable, applied_cb, run);
      }
      break;
    case OP_NOTE:
      {
        const char *comment = ferry_transfer_string_member (item->data, "comment");

        ferry_client_set_note_async (self->client, item->id, comment ? comment : "",
                                     cancellable, applied_cb, run);
      }
      break;
    case OP_ENDORSE:
      ferry_client_endorse_async (self->client, item->id, cancellable, applied_cb, run);
      break;
    case OP_LIST:
      ferry_client_create_list_async (self->client, item->target,
                                      ferry_transfer_string_member (item->data, "replies_policy"),
                                      json_object_get_boolean_member_with_default (item->data,
                                                                                   "exclusive",
                                                                                   FALSE),
                                      cancellable, applied_cb, run);
      break;
    case OP_LIST_MEMBER:
      {
        Item *list = item->list_item;
        const char *ids[] = { item->id, NULL };

        if (list == NULL || list->state != ITEM_DONE || list->id == NULL)
          {
            skip (run, "limit", _("Its list could not be created"));
            return;
          }
        ferry_client_add_to_list_async (self->client, list->id, ids, cancellable, applied_cb,
                                        run);
      }
      break;
    case OP_DOMAIN_BLOCK:
      if (!ferry_server_info_has_domain_blocks (self->info))
        {
          skip (run, "unsupported",
                _("The new server has no way to block domains for one account"));
          return;
        }
      ferry_client_block_domain_async (self->client, item->target, cancellable, applied_cb, run);
      break;
    case OP_BOOKMARK:
      ferry_client_bookmark_async (self->client, item->id, cancellable, applied_cb, run);
      break;
    case OP_TAG:
      ferry_client_follow_tag_async (self->client, item->target, cancellable, applied_cb, run);
      break;
    case OP_FEATURED_TAG:
      ferry_client_feature_tag_async (self->client, item->target, cancellable, applied_cb, run);
      break;
    case OP_FILTER:
      if (run->filter_id != NULL)
        {
          JsonArray *uris = json_object_get_array_member (item->data, "statuses");

          resolve_status (run, json_array_get_string_element (uris, run->next_status),
                          filter_status_resolved);
        }
      else
        send_filter (run);
      break;
    case OP_PROFILE:
      {
        g_autoptr(FerryParams) form = run->picture == 0
                                        ? ferry_transfer_profile_params (self, item)
                                        : ferry_transfer_picture_params (self, item, run->picture);

        ferry_client_update_credentials_async (self->client, form, cancellable, applied_cb, run);
      }
      break;
    case OP_IMPORT:
      {
        g_autoptr(GBytes) csv = ferry_transfer_import_csv (self, item);

        ferry_client_import_async (self->client, item->target, TRUE, csv, cancellable,
                                   applied_cb, run);
      }
      break;
    default:
      g_assert_not_reached ();
    }
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
