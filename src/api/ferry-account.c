/* ferry-account.c: an account as the server describes it (the REST Account entity)
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ferry-account"

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ferry-account.h"
#include "ferry-api-error.h"
#include "ferry-model-private.h"

struct _FerryAccount
{
  GObject      parent_instance;

  JsonNode    *json;       /* owned: the entity as the server sent it */
  FerryHandle *handle;
  char        *acct;       /* as sent: "user" here, "user@host" elsewhere */
  char        *id;
  char        *display_name;
  char        *avatar_url;
  char        *url;
  char        *uri;
  gint64       followers;
  gint64       following;
  gint64       statuses;
  gboolean     locked;
  gboolean     bot;
  gboolean     limited;
  gboolean     suspended;
  char        *moved_to;     /* "@user@host" of the account it moved to */
  FerryAccount *moved;       /* owned, nullable: that account, as sent */
  char        *note;
  char        *created_at;
  char        *avatar;       /* "avatar" as sent (the original, maybe animated) */
  char        *header;
  GStrv        also_known_as;  /* GoToSocial's source.also_known_as_uris; NULL: not shown */
  char        *mute_expires_at;  /* in a list of mutes: when the mute ends; NULL: never */
};

G_DEFINE_FINAL_TYPE (FerryAccount, ferry_account, G_TYPE_OBJECT)

static void
ferry_account_finalize (GObject *object)
{
  FerryAccount *self = FERRY_ACCOUNT (object);

  g_clear_pointer (&self->json, json_node_unref);
  ferry_handle_free (self->handle);
  g_free (self->acct);
  g_clear_object (&self->moved);
  g_free (self->id);
  g_free (self->display_name);
  g_free (self->avatar_url);
  g_free (self->url);
  g_free (self->uri);
  g_free (self->moved_to);
  g_free (self->note);
  g_free (self->created_at);
  g_free (self->avatar);
  g_free (self->header);
  g_strfreev (self->also_known_as);
  g_free (self->mute_expires_at);

  G_OBJECT_CLASS (ferry_account_parent_class)->finalize (object);
}

static void
ferry_account_class_init (FerryAccountClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = ferry_account_finalize;
}

static void
ferry_account_init (FerryAccount *self)
{
}

/* "user" on its own server, "user@other" elsewhere. */
static FerryHandle *
handle_from_acct (const char *acct,
                  const char *host)
{
  g_autofree char *full = strchr (acct, '@') ? g_strdup (acct)
                                              : g_strdup_printf ("%s@%s", acct, host);

  return ferry_handle_parse (full, FERRY_HANDLE_PARSE_DEFAULT, NULL);
}

/**
 * ferry_account_new_from_json:
 * @host: the server that sent it (local accounts' acct has no host)
 *
 * Returns: (transfer full): the account, or %NULL with @error when @node is not one
 */
FerryAccount *
ferry_account_new_from_json (const char  *host,
                             JsonNode    *node,
                             GError     **error)
{
  g_autoptr(FerryAccount) self = NULL;
  JsonObject *object;
  JsonNode *moved;

  g_return_val_if_fail (host != NULL, NULL);

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    goto bad;
  object = json_node_get_object (node);
  self = g_object_new (FERRY_TYPE_ACCOUNT, NULL);
  self->acct = ferry_model_dup_string (object, "acct");
  self->id = ferry_model_dup_string (object, "id");
  if (self->acct == NULL || self->id == NULL ||
      (self->handle = handle_from_acct (self->acct, host)) == NULL)
    goto bad;
  self->json = json_node_ref (node);

  self->display_name = ferry_model_dup_string (object, "display_name");
  if (self->display_name == NULL || self->display_name[0] == '\0')
    {
      g_free (self->display_name);
      self->display_name = g_strdup (self->handle->username);
    }
  self->avatar_url = ferry_model_dup_string (object, "avatar_static");
  if (self->avatar_url == NULL)
    self->avatar_url = ferry_model_dup_string (object, "avatar");
  self->url = ferry_model_dup_string (object, "url");
  self->uri = ferry_model_dup_string (object, "uri");
  self->followers = ferry_model_count (object, "followers_count");
  self->following = ferry_model_count (object, "following_count");
  self->statuses = ferry_model_count (object, "statuses_count");
  self->locked = ferry_model_bool (object, "locked", FALSE);
  self->bot = ferry_model_bool (object, "bot", FALSE);
  self->limited = ferry_model_bool (object, "limited", FALSE);
  self->suspended = ferry_model_bool (object, "suspended", FALSE);
  self->note = ferry_model_dup_string (object, "note");
  self->created_at = ferry_model_dup_string (object, "created_at");
  self->avatar = ferry_model_dup_string (object, "avatar");
  self->header = ferry_model_dup_string (object, "header");
  self->mute_expires_at = ferry_model_dup_string (object, "mute_expires_at");
  self->also_known_as = ferry_model_strv (ferry_model_object (object, "source"),
                                          "also_known_as_uris");

  moved = json_object_get_member (object, "moved");
  if (moved != NULL && JSON_NODE_HOLDS_OBJECT (moved))
    {
      g_autofree char *moved_acct = ferry_model_dup_string (json_node_get_object (moved), "acct");
      g_autoptr(FerryHandle) moved_handle = moved_acct ? handle_from_acct (moved_acct, host) : NULL;

      if (moved_handle != NULL)
        self->moved_to = ferry_handle_to_display (moved_handle);
      self->moved = ferry_account_new_from_json (host, moved, NULL);
    }
  return g_steal_pointer (&self);

bad:
  g_set_error (error, FERRY_API_ERROR, FERRY_API_ERROR_BAD_RESPONSE,
               _("%s described an account in a way Ferry does not understand."), host);
  return NULL;
}

const FerryHandle *
ferry_account_get_handle (FerryAccount *self)
{
  return self->handle;
}

const char *
ferry_account_get_id (FerryAccount *self)
{
  return self->id;
}

const char *
ferry_account_get_display_name (FerryAccount *self)
{
  return self->display_name;
}

const char *
ferry_account_get_avatar_url (FerryAccount *self)
{
  return self->avatar_url;
}

const char *
ferry_account_get_url (FerryAccount *self)
{
  return self->url;
}

const char *
ferry_account_get_uri (FerryAccount *self)
{
  return self->uri;
}

gint64
ferry_account_get_followers (FerryAccount *self)
{
  return self->followers;
}

gint64
ferry_account_get_following (FerryAccount *self)
{
  return self->following;
}

gint64
ferry_account_get_statuses (FerryAccount *self)
{
  return self->statuses;
}

gboolean
ferry_account_get_locked (FerryAccount *self)
{
  return self->locked;
}

gboolean
ferry_account_get_bot (FerryAccount *self)
{
  return self->bot;
}

gboolean
ferry_account_get_limited (FerryAccount *self)
{
  return self->limited;
}

gboolean
ferry_account_get_suspended (FerryAccount *self)
{
  return self->suspended;
}

/* Returns: (transfer none) (nullable): the account this one moved to, as the server sent it
 * (its id there, its acct) */
FerryAccount *
ferry_account_get_moved (FerryAccount *self)
{
  g_return_val_if_fail (FERRY_IS_ACCOUNT (self), NULL);

  return self->moved;
}

/* Returns: (nullable): "@user@host" of the account this one moved to */
const char *
ferry_account_get_moved_to (FerryAccount *self)
{
  return self->moved_to;
}

/* Returns: (transfer none): the entity as the server sent it (sealed: read only) */
JsonNode *
ferry_account_get_json (FerryAccount *self)
{
  g_return_val_if_fail (FERRY_IS_ACCOUNT (self), NULL);

  return self->json;
}

/* Returns: the acct as the server sent it: "user" for its own accounts */
const char *
ferry_account_get_acct (FerryAccount *self)
{
  g_return_val_if_fail (FERRY_IS_ACCOUNT (self), NULL);

  return self->acct;
}

/* Returns: (nullable): the bio, as shown (HTML) */
const char *
ferry_account_get_note (FerryAccount *self)
{
  g_return_val_if_fail (FERRY_IS_ACCOUNT (self), NULL);

  return self->note;
}

/* Returns: (nullable): when the account was made, ISO 8601 as sent */
const char *
ferry_account_get_created_at (FerryAccount *self)
{
  g_return_val_if_fail (FERRY_IS_ACCOUNT (self), NULL);

  return self->created_at;
}

/* Returns: (nullable): the avatar's original address ("avatar", not "avatar_static") */
const char *
ferry_account_get_avatar_original_url (FerryAccount *self)
{
  g_return_val_if_fail (FERRY_IS_ACCOUNT (self), NULL);

  return self->avatar;
}

/* Returns: (nullable): the header's original address */
const char *
ferry_account_get_header_url (FerryAccount *self)
{
  g_return_val_if_fail (FERRY_IS_ACCOUNT (self), NULL);

  return self->header;
}

/**
 * ferry_account_get_also_known_as:
 *
 * The aliases where the REST API shows them: GoToSocial's verify_credentials
 * `source.also_known_as_uris` (gotosocial internal/api/model/source.go). Mastodon's REST
 * Account has none (api-facts §3.1).
 *
 * Returns: (nullable) (transfer none): the ActivityPub addresses, or %NULL when not shown
 */
const char * const *
ferry_account_get_also_known_as (FerryAccount *self)
{
  g_return_val_if_fail (FERRY_IS_ACCOUNT (self), NULL);

  return (const char * const *) self->also_known_as;
}

/* Returns: (nullable): in a list of mutes (3.3+), when the mute ends; %NULL: never */
const char *
ferry_account_get_mute_expires_at (FerryAccount *self)
{
  g_return_val_if_fail (FERRY_IS_ACCOUNT (self), NULL);

  return self->mute_expires_at;
}

static void
copy_member (JsonObject *to,
             const char *to_name,
             JsonObject *from,
             const char *from_name)
{
  JsonNode *node = from ? json_object_get_member (from, from_name) : NULL;

  if (node != NULL)
    json_object_set_member (to, to_name, json_node_copy (node));
}

/**
 * ferry_account_dup_profile:
 * @full_acct: the account's address as the archive writes it ("user@host")
 *
 * The profile as Ferry's backups keep it (profile.json), from a CredentialAccount: the bio
 * and the fields as written (`source`, where the server sends it) and the bio as shown,
 * the flags wherever the server puts them (Mastodon at the top, GoToSocial partly in
 * `source`), and the posting defaults. Every value as the server sent it; what it did not
 * send is left out. The pictures are the caller's to add.
 *
 * Returns: (transfer full): a new object
 */
JsonObject *
ferry_account_dup_profile (FerryAccount *self,
                           const char   *full_acct)
{
  static const char *flags[] = { "locked", "bot", "group", "discoverable", "indexable",
                                 "hide_collections" };
  JsonObject *me;
  JsonObject *source;
  JsonObject *profile;
  JsonObject *defaults;

  g_return_val_if_fail (FERRY_IS_ACCOUNT (self), NULL);

  me = json_node_get_object (self->json);
  source = ferry_model_object (me, "source");
  profile = json_object_new ();
  defaults = json_object_new ();
  json_object_set_string_member (profile, "acct", full_acct ? full_acct : "");
  copy_member (profile, "id", me, "id");
  copy_member (profile, "url", me, "url");
  copy_member (profile, "uri", me, "uri");
  copy_member (profile, "created_at", me, "created_at");
  copy_member (profile, "display_name", me, "display_name");
  if (source && json_object_has_member (source, "note"))
    copy_member (profile, "note", source, "note");
  else
    copy_member (profile, "note", me, "note");
  copy_member (profile, "note_html", me, "note");
  if (source && json_object_has_member (source, "fields"))
    copy_member (profile, "fields", source, "fields");
  else
    copy_member (profile, "fields", me, "fields");
  for (guint i = 0; i < G_N_ELEMENTS (flags); i++)
    {
      if (json_object_has_member (me, flags[i]))
        copy_member (profile, flags[i], me, flags[i]);
      else
        copy_member (profile, flags[i], source, flags[i]);
    }
  copy_member (defaults, "privacy", source, "privacy");
  copy_member (defaults, "sensitive", source, "sensitive");
  copy_member (defaults, "language", source, "language");
  json_object_set_object_member (profile, "posting_defaults", defaults);
  copy_member (profile, "avatar_description", me, "avatar_description");
  copy_member (profile, "header_description", me, "header_description");
  return profile;
}
