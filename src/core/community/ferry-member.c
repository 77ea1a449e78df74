/* ferry-member.c: one member of a community that moves
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include "config.h"

#include <glib/gi18n.h>
#include <string.h>

#include "ferry-handle.h"
#include "ferry-member.h"

struct _FerryMember
{
  GObject parent_instance;

  char *old_address;
  char *new_address;
  gboolean new_address_set;
  char *display_name;
  char *note;
  FerryMemberSource sources;
  gboolean opted_out;

  FerryMemberState state;
  char *moved_to;
  gint64 last_checked;
  gint64 next_check;
  gint64 moved_at;

  gboolean has_baseline;
  gint64 base_followers;
  gint64 base_following;
  gint64 base_statuses;
  char *base_last_status;
  gint64 base_time;

  gint64 new_followers;
  GArray *history;   /* FerryMemberRecord */
};

G_DEFINE_FINAL_TYPE (FerryMember, ferry_member, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_OLD_ADDRESS,
  PROP_NEW_ADDRESS,
  PROP_DISPLAY_NAME,
  PROP_STATE,
  PROP_MOVED_TO,
  PROP_NEW_FOLLOWERS,
  PROP_LAST_CHECKED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  FerryMemberState state;
  const char *id;
  const char *label;
} state_names[] = {
  { FERRY_MEMBER_STATE_UNKNOWN, "unknown", N_("Not checked") },
  { FERRY_MEMBER_STATE_NOT_STARTED, "not-started", N_("Not started") },
  { FERRY_MEMBER_STATE_NEW_ACCOUNT, "new-account", N_("New account made") },
  { FERRY_MEMBER_STATE_ALIAS_SET, "alias-set", N_("Alias set") },
  { FERRY_MEMBER_STATE_MOVED, "moved", N_("Moved") },
  { FERRY_MEMBER_STATE_ARRIVING, "arriving", N_("Followers arriving") },
  { FERRY_MEMBER_STATE_DONE, "done", N_("Followers arrived") },
  { FERRY_MEMBER_STATE_ELSEWHERE, "elsewhere", N_("Moved elsewhere") },
  { FERRY_MEMBER_STATE_DELETED, "deleted", N_("Deleted") },
  { FERRY_MEMBER_STATE_SUSPENDED, "suspended", N_("Suspended") },
  { FERRY_MEMBER_STATE_INACTIVE, "inactive", N_("Inactive") },
};

static const struct
{
  FerryMemberSource source;
  const char *id;
} source_names[] = {
  { FERRY_MEMBER_SOURCE_ADMIN, "admin" },
  { FERRY_MEMBER_SOURCE_DIRECTORY, "directory" },
  { FERRY_MEMBER_SOURCE_FOLLOWERS, "followers" },
  { FERRY_MEMBER_SOURCE_LIST, "list" },
  { FERRY_MEMBER_SOURCE_PASTED, "pasted" },
  { FERRY_MEMBER_SOURCE_CSV, "csv" },
  { FERRY_MEMBER_SOURCE_MANUAL, "manual" },
};

static void
record_clear (gpointer data)
{
  FerryMemberRecord *record = data;

  g_clear_pointer (&record->moved_to, g_free);
}

static void
ferry_member_finalize (GObject *object)
{
  FerryMember *self = FERRY_MEMBER (object);

  g_free (self->old_address);
  g_free (self->new_address);
  g_free (self->display_name);
  g_free (self->note);
  g_free (self->moved_to);
  g_free (self->base_last_status);
  g_array_unref (self->history);

  G_OBJECT_CLASS (ferry_member_parent_class)->finalize (object);
}

static void
ferry_member_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  FerryMember *self = FERRY_MEMBER (object);

  switch (prop_id)
    {
    case PROP_OLD_ADDRESS:
      g_value_set_string (value, self->old_address);
      break;
    case PROP_NEW_ADDRESS:
      g_value_set_string (value, self->new_address);
      break;
    case PROP_DISPLAY_NAME:
      g_value_set_string (value, self->display_name);
      break;
    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;
    case PROP_MOVED_TO:
      g_value_set_string (value, self->moved_to);
      break;
    case PROP_NEW_FOLLOWERS:
      g_value_set_int64 (value, self->new_followers);
      break;
    case PROP_LAST_CHECKED:
      g_value_set_int64 (value, self->last_checked);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_member_class_init (FerryMemberClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GParamFlags flags = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->finalize = ferry_member_finalize;
  object_class->get_property = ferry_member_get_property;

  properties[PROP_OLD_ADDRESS] = g_param_spec_string ("old-address", NULL, NULL, NULL, flags);
  properties[PROP_NEW_ADDRESS] = g_param_spec_string ("new-address", NULL, NULL, NULL, flags);
  properties[PROP_DISPLAY_NAME] = g_param_spec_string ("display-name", NULL, NULL, NULL, flags);
  properties[PROP_STATE] = g_param_spec_enum ("state", NULL, NULL, FERRY_TYPE_MEMBER_STATE,
                                              FERRY_MEMBER_STATE_UNKNOWN, flags);
  properties[PROP_MOVED_TO] = g_param_spec_string ("moved-to", NULL, NULL, NULL, flags);
  properties[PROP_NEW_FOLLOWERS] = g_param_spec_int64 ("new-followers", NULL, NULL,
                                                       -1, G_MAXINT64, -1, flags);
  properties[PROP_LAST_CHECKED] = g_param_spec_int64 ("last-checked", NULL, NULL,
                                                      0, G_MAXINT64, 0, flags);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_member_init (FerryMember *self)
{
  self->history = g_array_new (FALSE, TRUE, sizeof (FerryMemberRecord));
  g_array_set_clear_func (self->history, record_clear);
  self->base_followers = -1;
  self->base_following = -1;
  self->base_statuses = -1;
  self->new_followers = -1;
}

/* user@host, lower case; the text itself when it is no address (callers check first). */
static char *
normalize_address (const char *address)
{
  g_autoptr(FerryHandle) handle = ferry_handle_parse (address, FERRY_HANDLE_PARSE_DEFAULT, NULL);

  if (handle == NULL)
    return g_utf8_strdown (address, -1);
  return ferry_handle_to_key (handle);
}

static char *
expected_address (const char *old_address,
                  const char *new_host)
{
  const char *at = strchr (old_address, '@');
  g_autofree char *user = at ? g_strndup (old_address, at - old_address) : g_strdup (old_address);

  return g_strdup_printf ("%s@%s", user, new_host);
}

/**
 * ferry_member_new:
 * @old_address: the member's address on the old server (any form FerryHandle reads)
 * @new_host: the community's new server: the expected new address is the same name there
 */
FerryMember *
ferry_member_new (const char *old_address,
                  const char *new_host)
{
  FerryMember *self;

  g_return_val_if_fail (old_address != NULL, NULL);
  g_return_val_if_fail (new_host != NULL, NULL);

  self = g_object_new (FERRY_TYPE_MEMBER, NULL);
  self->old_address = normalize_address (old_address);
  self->new_address = expected_address (self->old_address, new_host);
  return self;
}

const char *
ferry_member_get_old_address (FerryMember *self)
{
  g_return_val_if_fail (FERRY_IS_MEMBER (self), NULL);
  return self->old_address;
}

const char *
ferry_member_get_new_address (FerryMember *self)
{
  g_return_val_if_fail (FERRY_IS_MEMBER (self), NULL);
  return self->new_address;
}

/* Set explicitly (by the helper or a CSV of old→new): a moved-to elsewhere no longer
 * overrides it. */
void
ferry_member_set_new_address (FerryMember *self,
                              const char  *address)
{
  g_autofree char *normal = NULL;

  g_return_if_fail (FERRY_IS_MEMBER (self));
  g_return_if_fail (address != NULL);

  normal = normalize_address (address);
  self->new_address_set = TRUE;
  if (g_strcmp0 (normal, self->new_address) == 0)
    return;
  g_free (self->new_address);
  self->new_address = g_steal_pointer (&normal);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEW_ADDRESS]);
}

gboolean
ferry_member_get_new_address_set (FerryMember *self)
{
  g_return_val_if_fail (FERRY_IS_MEMBER (self), FALSE);
  return self->new_address_set;
}

const char *
ferry_member_get_display_name (FerryMember *self)
{
  g_return_val_if_fail (FERRY_IS_MEMBER (self), NULL);
  return self->display_name;
}

void
ferry_member_set_display_name (FerryMember *self,
                               const char  *name)
{
  g_return_if_fail (FERRY_IS_MEMBER (self));

  if (g_strcmp0 (name, self->display_name) == 0)
    return;
  g_free (self->display_name);
  self->display_name = g_strdup (name);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DISPLAY_NAME]);
}

const char *
ferry_member_get_note (FerryMember *self)
{
  g_return_val_if_fail (FERRY_IS_MEMBER (self), NULL);
  return self->note;
}

void
ferry_member_set_note (FerryMember *self,
                       const char  *note)
{
  g_return_if_fail (FERRY_IS_MEMBER (self));
  g_free (self->note);
  self->note = g_strdup (note);
}

FerryMemberSource
ferry_member_get_sources (FerryMember *self)
{
  g_return_val_if_fail (FERRY_IS_MEMBER (self), FERRY_MEMBER_SOURCE_NONE);
  return self->sources;
}

void
ferry_member_add_sources (FerryMember       *self,
                          FerryMemberSource  sources)
{
  g_return_if_fail (FERRY_IS_MEMBER (self));
  self->sources |= sources;
}

gboolean
ferry_member_get_opted_out (FerryMember *self)
{
  g_return_val_if_fail (FERRY_IS_MEMBER (self), FALSE);
  return self->opted_out;
}

void
ferry_member_set_opted_out (FerryMember *self,
                            gboolean     opted_out)
{
  g_return_if_fail (FERRY_IS_MEMBER (self));
  self->opted_out = !!opted_out;
}

FerryMemberState
ferry_member_get_state (FerryMember *self)
{
  g_return_val_if_fail (FERRY_IS_MEMBER (self), FERRY_MEMBER_STATE_UNKNOWN);
  return self->state;
}

const char *
ferry_member_get_moved_to (FerryMember *self)
{
  g_return_val_if_fail (FERRY_IS_MEMBER (self), NULL);
  return self->moved_to;
}

gint64
ferry_member_get_last_checked (FerryMember *self)
{
  g_return_val_if_fail (FERRY_IS_MEMBER (self), 0);
  return self->last_checked;
}

gint64
ferry_member_get_next_check (FerryMember *self)
{
  g_return_val_if_fail (FERRY_IS_MEMBER (self), 0);
  return self->next_check;
}

void
ferry_member_set_next_check (FerryMember *self,
                             gint64       when)
{
  g_return_if_fail (FERRY_IS_MEMBER (self));
  self->next_check = when;
}

gboolean
ferry_member_has_baseline (FerryMember *self)
{
  g_return_val_if_fail (FERRY_IS_MEMBER (self), FALSE);
  return self->has_baseline;
}

void
ferry_member_set_baseline (FerryMember *self,
                           gint64       followers,
                           gint64       following,
                           gint64       statuses,
                           const char  *last_status,
                           gint64       recorded_at)
{
  g_return_if_fail (FERRY_IS_MEMBER (self));

  self->has_baseline = TRUE;
  self->base_followers = followers;
  self->base_following = following;
  self->base_statuses = statuses;
  g_free (self->base_last_status);
  self->base_last_status = g_strdup (last_status);
  self->base_time = recorded_at;
}

gint64
ferry_member_get_baseline_followers (FerryMember *self)
{
  g_return_val_if_fail (FERRY_IS_MEMBER (self), -1);
  return self->base_followers;
}

gint64
ferry_member_get_baseline_following (FerryMember *self)
{
  g_return_val_if_fail (FERRY_IS_MEMBER (self), -1);
  return self->base_following;
}

gint64
ferry_member_get_baseline_statuses (FerryMember *self)
{
  g_return_val_if_fail (FERRY_IS_MEMBER (self), -1);
  return self->base_statuses;
}

const char *
ferry_member_get_baseline_last_status (FerryMember *self)
{
  g_return_val_if_fail (FERRY_IS_MEMBER (self), NULL);
  return self->base_last_status;
}

gint64
ferry_member_get_baseline_time (FerryMember *self)
{
  g_return_val_if_fail (FERRY_IS_MEMBER (self), 0);
  return self->base_time;
}

gint64
ferry_member_get_new_followers (FerryMember *self)
{
  g_return_val_if_fail (FERRY_IS_MEMBER (self), -1);
  return self->new_followers;
}

static double
arrived_ratio (gint64 baseline,
               gint64 now)
{
  if (baseline < 0 || now < 0)
    return -1;
  if (baseline == 0)
    return 1;
  return (double) now / (double) baseline;
}

double
ferry_member_get_arrived_ratio (FerryMember *self)
{
  g_return_val_if_fail (FERRY_IS_MEMBER (self), -1);
  return arrived_ratio (self->base_followers, self->new_followers);
}

gint64
ferry_member_get_moved_at (FerryMember *self)
{
  g_return_val_if_fail (FERRY_IS_MEMBER (self), 0);
  return self->moved_at;
}

/* Addresses compare as FerryHandle keys: "@Alice@Host" is alice@host. */
static gboolean
same_address (const char *a,
              const char *b)
{
  g_autofree char *na = NULL;
  g_autofree char *nb = NULL;

  if (a == NULL || b == NULL)
    return FALSE;
  na = normalize_address (a);
  nb = normalize_address (b);
  return g_strcmp0 (na, nb) == 0;
}

static gboolean
same_host (const char *a,
           const char *b)
{
  g_autofree char *na = normalize_address (a);
  g_autofree char *nb = normalize_address (b);
  const char *ha = strrchr (na, '@');
  const char *hb = strrchr (nb, '@');

  return ha != NULL && hb != NULL && strcmp (ha, hb) == 0;
}

/**
 * ferry_member_classify:
 *
 * The order matters: a move is the strongest signal (an account that moved is often
 * deactivated or limited afterwards), then what the old server says of the account itself,
 * then what exists on the new server, then inactivity.
 */
FerryMemberState
ferry_member_classify (const FerryMemberObservation *observation,
                       const char                   *expected_new,
                       gint64                        baseline_followers,
                       const char                   *inactive_since)
{
  const FerryMemberObservation *o = observation;

  g_return_val_if_fail (observation != NULL, FERRY_MEMBER_STATE_UNKNOWN);

  if (o->old_moved_to != NULL)
    {
      double ratio;

      /* Moved to the expected address, or to another name on the same server: here. */
      if (expected_new != NULL && !same_address (o->old_moved_to, expected_new) &&
          !same_host (o->old_moved_to, expected_new))
        return FERRY_MEMBER_STATE_ELSEWHERE;
      ratio = arrived_ratio (baseline_followers, o->new_followers);
      if (ratio >= FERRY_MEMBER_DONE_RATIO)
        return FERRY_MEMBER_STATE_DONE;
      if (o->new_followers > 0)
        return FERRY_MEMBER_STATE_ARRIVING;
      return FERRY_MEMBER_STATE_MOVED;
    }
  if (o->old_gone)
    return FERRY_MEMBER_STATE_DELETED;
  if (o->old_suspended)
    return FERRY_MEMBER_STATE_SUSPENDED;
  if (!o->old_found)
    return FERRY_MEMBER_STATE_UNKNOWN;
  if (o->new_found && o->new_has_alias)
    return FERRY_MEMBER_STATE_ALIAS_SET;
  if (o->new_found)
    return FERRY_MEMBER_STATE_NEW_ACCOUNT;
  /* "YYYY-MM-DD" compares as text; no post at all counts as inactive too. */
  if (inactive_since != NULL &&
      (o->old_last_status == NULL || strcmp (o->old_last_status, inactive_since) < 0))
    return FERRY_MEMBER_STATE_INACTIVE;
  return FERRY_MEMBER_STATE_NOT_STARTED;
}

static void
append_record (FerryMember      *self,
               gint64            time,
               FerryMemberState  state,
               gint64            old_followers,
               gint64            new_followers,
               const char       *moved_to)
{
  FerryMemberRecord record = {
    .time = time,
    .state = state,
    .old_followers = old_followers,
    .new_followers = new_followers,
    .moved_to = g_strdup (moved_to),
  };

  g_array_append_val (self->history, record);
}

FerryMemberState
ferry_member_observe (FerryMember                  *self,
                      const FerryMemberObservation *observation,
                      const char                   *inactive_since)
{
  FerryMemberState state;
  FerryMemberRecord *last = NULL;
  gboolean state_changed;
  gboolean moved_changed;

  g_return_val_if_fail (FERRY_IS_MEMBER (self), FERRY_MEMBER_STATE_UNKNOWN);
  g_return_val_if_fail (observation != NULL, FERRY_MEMBER_STATE_UNKNOWN);

  state = ferry_member_classify (observation, self->new_address, self->base_followers,
                                 inactive_since);

  g_object_freeze_notify (G_OBJECT (self));

  /* Moved here under another name: that is the new address from now on. */
  if (ferry_member_state_is_moved (state) &&
      !same_address (observation->old_moved_to, self->new_address))
    {
      g_free (self->new_address);
      self->new_address = normalize_address (observation->old_moved_to);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEW_ADDRESS]);
    }

  if (self->history->len > 0)
    last = &g_array_index (self->history, FerryMemberRecord, self->history->len - 1);
  if (last == NULL || last->state != state ||
      last->new_followers != observation->new_followers ||
      g_strcmp0 (last->moved_to, observation->old_moved_to) != 0)
    append_record (self, observation->time, state, observation->old_followers,
                   observation->new_followers, observation->old_moved_to);

  state_changed = self->state != state;
  self->state = state;
  if (state_changed)
    g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);

  moved_changed = g_strcmp0 (self->moved_to, observation->old_moved_to) != 0;
  if (moved_changed)
    {
      g_free (self->moved_to);
      self->moved_to = g_strdup (observation->old_moved_to);
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MOVED_TO]);
    }
  if (observation->old_moved_to != NULL && self->moved_at == 0)
    self->moved_at = observation->time;

  if (self->new_followers != observation->new_followers && observation->new_followers >= 0)
    {
      self->new_followers = observation->new_followers;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NEW_FOLLOWERS]);
    }

  self->last_checked = observation->time;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LAST_CHECKED]);

  g_object_thaw_notify (G_OBJECT (self));
  return state;
}

GArray *
ferry_member_get_history (FerryMember *self)
{
  g_return_val_if_fail (FERRY_IS_MEMBER (self), NULL);
  return self->history;
}

void
ferry_member_restore_record (FerryMember             *self,
                             const FerryMemberRecord *record)
{
  g_return_if_fail (FERRY_IS_MEMBER (self));
  g_return_if_fail (record != NULL);

  append_record (self, record->time, record->state, record->old_followers,
                 record->new_followers, record->moved_to);
  self->state = record->state;
  self->last_checked = MAX (self->last_checked, record->time);
  if (record->new_followers >= 0)
    self->new_followers = record->new_followers;
  g_free (self->moved_to);
  self->moved_to = g_strdup (record->moved_to);
}

void
ferry_member_restore_moved_at (FerryMember *self,
                               gint64       moved_at)
{
  g_return_if_fail (FERRY_IS_MEMBER (self));
  self->moved_at = moved_at;
}

const char *
ferry_member_state_to_label (FerryMemberState state)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_names); i++)
    if (state_names[i].state == state)
      return _(state_names[i].label);
  return _(state_names[0].label);
}

const char *
ferry_member_state_to_id (FerryMemberState state)
{
  for (guint i = 0; i < G_N_ELEMENTS (state_names); i++)
    if (state_names[i].state == state)
      return state_names[i].id;
  return state_names[0].id;
}

gboolean
ferry_member_state_from_id (const char       *id,
                            FerryMemberState *state)
{
  for (guint i = 0; id != NULL && i < G_N_ELEMENTS (state_names); i++)
    if (strcmp (state_names[i].id, id) == 0)
      {
        if (state != NULL)
          *state = state_names[i].state;
        return TRUE;
      }
  return FALSE;
}

gboolean
ferry_member_state_is_moved (FerryMemberState state)
{
  return state == FERRY_MEMBER_STATE_MOVED || state == FERRY_MEMBER_STATE_ARRIVING ||
         state == FERRY_MEMBER_STATE_DONE;
}

gboolean
ferry_member_state_is_settled (FerryMemberState state)
{
  return state == FERRY_MEMBER_STATE_DONE || state == FERRY_MEMBER_STATE_ELSEWHERE ||
         state == FERRY_MEMBER_STATE_DELETED || state == FERRY_MEMBER_STATE_SUSPENDED;
}

char *
ferry_member_sources_to_ids (FerryMemberSource sources)
{
  GString *out = g_string_new (NULL);

  for (guint i = 0; i < G_N_ELEMENTS (source_names); i++)
    if (sources & source_names[i].source)
      {
        if (out->len > 0)
          g_string_append_c (out, ',');
        g_string_append (out, source_names[i].id);
      }
  return g_string_free (out, FALSE);
}

FerryMemberSource
ferry_member_sources_from_ids (const char *ids)
{
  g_auto(GStrv) parts = g_strsplit (ids ? ids : "", ",", -1);
  FerryMemberSource sources = FERRY_MEMBER_SOURCE_NONE;

  for (guint p = 0; parts[p] != NULL; p++)
    for (guint i = 0; i < G_N_ELEMENTS (source_names); i++)
      if (strcmp (g_strstrip (parts[p]), source_names[i].id) == 0)
        sources |= source_names[i].source;
  return sources;
}
