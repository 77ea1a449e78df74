/* ferry-step.c
 *
 * Copyright 2026 The Ferry developers
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "ferry-step"

#include "config.h"

#include <glib/gi18n.h>

#include "ferry-step.h"

struct _FerryStep
{
  GObject        parent_instance;

  FerryStepKind  kind;
  FerryStepState state;
};

enum {
  PROP_0,
  PROP_KIND,
  PROP_TITLE,
  PROP_SUMMARY,
  PROP_STATE,
  N_PROPS
};

G_DEFINE_FINAL_TYPE (FerryStep, ferry_step, G_TYPE_OBJECT)

static GParamSpec *properties[N_PROPS];

static void
ferry_step_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  FerryStep *self = FERRY_STEP (object);

  switch (prop_id)
    {
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;

    case PROP_TITLE:
      g_value_set_string (value, ferry_step_get_title (self));
      break;

    case PROP_SUMMARY:
      g_value_set_string (value, ferry_step_get_summary (self));
      break;

    case PROP_STATE:
      g_value_set_enum (value, self->state);
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_step_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  FerryStep *self = FERRY_STEP (object);

  switch (prop_id)
    {
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;

    case PROP_STATE:
      ferry_step_set_state (self, g_value_get_enum (value));
      break;

    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
ferry_step_class_init (FerryStepClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->get_property = ferry_step_get_property;
  object_class->set_property = ferry_step_set_property;

  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL,
                       FERRY_TYPE_STEP_KIND, FERRY_STEP_ACCOUNTS,
                       (G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_SUMMARY] =
    g_param_spec_string ("summary", NULL, NULL, NULL,
                         (G_PARAM_READABLE | G_PARAM_STATIC_STRINGS));

  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL,
                       FERRY_TYPE_STEP_STATE, FERRY_STEP_STATE_PENDING,
                       (G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
ferry_step_init (FerryStep *self)
{
  self->state = FERRY_STEP_STATE_PENDING;
}

FerryStep *
ferry_step_new (FerryStepKind kind)
{
  g_return_val_if_fail (kind < FERRY_STEP_N_KINDS, NULL);

  return g_object_new (FERRY_TYPE_STEP, "kind", kind, NULL);
}

FerryStepKind
ferry_step_get_kind (FerryStep *self)
{
  g_return_val_if_fail (FERRY_IS_STEP (self), FERRY_STEP_ACCOUNTS);

  return self->kind;
}

/**
 * ferry_step_get_title:
 *
 * Returns: the step's name, translated, as the assistant lists it
 */
const char *
ferry_step_get_title (FerryStep *self)
{
  g_return_val_if_fail (FERRY_IS_STEP (self), NULL);

  switch (self->kind)
    {
    case FERRY_STEP_ACCOUNTS:
      return _("Sign in to both accounts");
    case FERRY_STEP_CHECKS:
      return _("Check before anything changes");
    case FERRY_STEP_BACKUP:
      return _("Back up the old account");
    case FERRY_STEP_TRANSFER:
      return _("Copy everything to the new account");
    case FERRY_STEP_MOVE:
      return _("Link the accounts and move");
    case FERRY_STEP_WATCH:
      return _("Watch your followers arrive");
    case FERRY_STEP_N_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * ferry_step_get_summary:
 *
 * Returns: one or two sentences saying what the step does, translated
 */
const char *
ferry_step_get_summary (FerryStep *self)
{
  g_return_val_if_fail (FERRY_IS_STEP (self), NULL);

  switch (self->kind)
    {
    case FERRY_STEP_ACCOUNTS:
      return _("The account you are leaving and the one you are moving to. "
               "Ferry keeps the sign-ins in your keyring.");
    case FERRY_STEP_CHECKS:
      return _("Everything that could make the move fail is found first, "
               "including which followers may not come along.");
    case FERRY_STEP_BACKUP:
      return _("A complete copy on your computer: follows, lists, blocks, mutes, "
               "bookmarks, filters, profile and posts.");
    case FERRY_STEP_TRANSFER:
      return _("Your profile, follows, lists and more are re-created on the new "
               "account, within each server’s limits, and checked item by item.");
    case FERRY_STEP_MOVE:
      return _("The new account is named as an alias of the old one, then the old "
               "account moves. Followers follow automatically.");
    case FERRY_STEP_WATCH:
      return _("Ferry follows the move over the next days and lists the followers "
               "who stayed behind.");
    case FERRY_STEP_N_KINDS:
    default:
      g_return_val_if_reached (NULL);
    }
}

FerryStepState
ferry_step_get_state (FerryStep *self)
{
  g_return_val_if_fail (FERRY_IS_STEP (self), FERRY_STEP_STATE_PENDING);

  return self->state;
}

void
ferry_step_set_state (FerryStep      *self,
                      FerryStepState  state)
{
  g_return_if_fail (FERRY_IS_STEP (self));
  g_return_if_fail (state <= FERRY_STEP_STATE_FAILED);

  if (self->state == state)
    return;

  self->state = state;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_STATE]);
}

/**
 * ferry_step_is_finished:
 *
 * Returns: whether later steps may go ahead: the step is done, or knowingly skipped
 */
gboolean
ferry_step_is_finished (FerryStep *self)
{
  g_return_val_if_fail (FERRY_IS_STEP (self), FALSE);

  return self->state == FERRY_STEP_STATE_DONE || self->state == FERRY_STEP_STATE_SKIPPED;
}
